import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSection } from '../../src/actions/services/create-service.js';
import { addStoryNote } from '../../src/actions/stories/add-story-note.js';
import { createStory } from '../../src/actions/stories/create-story.js';
import { publishStory } from '../../src/actions/stories/publish-story.js';
import { unpublishStory } from '../../src/actions/stories/unpublish-story.js';
import { feedPath, FEED_FORMATS, type FeedScope } from '../../src/domain/distribution/feed-paths.js';
import { storyPath } from '../../src/domain/story/story-path.js';
import { STORE_KINDS } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { givenPublishedStory, storyInput, SYSTEM } from '../support/factories.js';
import { readFeed, readJsonFeed, strictXml } from '../support/feeds.js';
import { givenMediaItem } from '../support/media.js';

const ORIGIN = 'http://localhost:3000';
// (A literal "&amp;" is left out: feed readers decode entities in RSS titles once more, as RSS has always been read.)
const TRICKY = 'Tom & Jerry <b>not bold</b> ]]> ]]> 🎉 سلام دنیا';

describe.each(STORE_KINDS)('feeds on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => t.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  /** Every feed scope of the site as it stands: services, sections, topics, profiles. */
  async function allScopes(): Promise<{ scope: FeedScope; ids: number[] }[]> {
    const repos = t.store.read;
    const now = t.clock.now();
    const list = async (filter: { serviceCode: string; sectionId?: number; tagId?: number; profileId?: number }) =>
      (await repos.stories.listPublished({ ...filter, now, limit: 50, offset: 0 })).map((s) => s.id);
    const scopes: { scope: FeedScope; ids: number[] }[] = [];
    for (const service of await repos.services.list()) {
      const serviceCode = service.code;
      scopes.push({ scope: { kind: 'service', serviceCode }, ids: await list({ serviceCode }) });
      for (const section of await repos.services.listSections(serviceCode)) {
        scopes.push({ scope: { kind: 'section', serviceCode, sectionSlug: section.slug }, ids: await list({ serviceCode, sectionId: section.id }) });
      }
      for (const tag of await repos.services.listTags(serviceCode)) {
        scopes.push({ scope: { kind: 'tag', serviceCode, tagSlug: tag.slug }, ids: await list({ serviceCode, tagId: tag.id }) });
      }
      const profiles = await repos.profiles.search({ terms: [], serviceCode, limit: 50 });
      for (const profile of profiles.items) {
        scopes.push({
          scope: { kind: 'profile', serviceCode, profileSlug: profile.slug, profileId: profile.id },
          ids: await list({ serviceCode, profileId: profile.id }),
        });
      }
    }
    return scopes;
  }

  it('serves every feed of the demo site, parsed by two parsers, with the right items, links and dates', async () => {
    const scopes = await allScopes();
    expect(scopes.filter((s) => s.scope.kind === 'profile').length).toBeGreaterThan(0);
    for (const { scope, ids } of scopes) {
      const stories = await Promise.all(ids.map(async (id) => (await t.store.read.stories.findById(id))!));
      const links = stories.map((s) => `${ORIGIN}${storyPath(s)}`);
      const published = stories.map((s) => s.publishedAt!.getTime());

      const rss = await get(feedPath(scope, 'rss'));
      expect(rss.statusCode, feedPath(scope, 'rss')).toBe(200);
      expect(rss.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
      const rssTree = strictXml(rss.body) as { rss: { channel: { item?: { link: string; pubDate: string }[] } } };
      const rssItems = rssTree.rss.channel.item ?? [];
      expect(rssItems.map((i) => i.link)).toEqual(links);
      expect(rssItems.map((i) => Date.parse(i.pubDate))).toEqual(published.map((ms) => Math.floor(ms / 1000) * 1000));
      const rssRead = readFeed(rss.body);
      expect(rssRead.items.map((i) => i.url)).toEqual(links);
      expect(rssRead.language).toBe((await t.store.read.services.find(scope.serviceCode))!.locale);

      const atom = await get(feedPath(scope, 'atom'));
      expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      const atomTree = strictXml(atom.body) as { feed: { entry?: { published: string }[] } };
      expect((atomTree.feed.entry ?? []).map((e) => Date.parse(e.published))).toEqual(published);
      const atomRead = readFeed(atom.body);
      expect(atomRead.items.map((i) => i.url)).toEqual(links);
      expect(atomRead.items.map((i) => i.published?.getTime())).toEqual(published);

      const json = await get(feedPath(scope, 'json'));
      expect(json.headers['content-type']).toBe('application/feed+json; charset=utf-8');
      const feed = readJsonFeed(json.body);
      expect(feed.items.map((i) => i.url)).toEqual(links);
      expect(feed.items.map((i) => Date.parse(i.date_published))).toEqual(published);
    }
  });

  it('carries the lead video as an enclosure with its length and type, and Media RSS', async () => {
    const reference = (await t.store.read.stories.findById(1))!;
    const video = (await t.store.read.media.findByIds([reference.leadMediaId!]))[0]!;
    const mp4 = video.renditions.find((r) => r.kind === 'mp4')!;
    const url = `${ORIGIN}/media/${mp4.path}`;
    const scope: FeedScope = { kind: 'service', serviceCode: 'en' };
    const rss = (await get(feedPath(scope, 'rss'))).body;
    const item = readFeed(rss).items.find((i) => i.url === `${ORIGIN}${storyPath(reference)}`)!;
    expect(item.media).toContainEqual(expect.objectContaining({ url, mimeType: 'video/mp4', length: mp4.sizeBytes }));
    const tree = strictXml(rss) as { rss: { channel: { item: { link: string; enclosure: Record<string, string>; 'media:content': Record<string, unknown>[] }[] } } };
    const raw = tree.rss.channel.item.find((i) => i.link === item.url)!;
    expect(raw.enclosure).toEqual({ '@url': url, '@length': String(mp4.sizeBytes), '@type': 'video/mp4' });
    expect(raw['media:content'][0]).toMatchObject({ '@url': url, '@medium': 'video', '@duration': '84', 'media:credit': { '#text': 'Reuters' } });
    expect((raw['media:content'][0] as Record<string, Record<string, string>>)['media:thumbnail']?.['@url']).toMatch(/poster\.jpg$/);

    const atomItem = readFeed((await get(feedPath(scope, 'atom'))).body).items.find((i) => i.url === item.url)!;
    expect(atomItem.media).toContainEqual(expect.objectContaining({ url, mimeType: 'video/mp4', length: mp4.sizeBytes }));
    const jsonItem = readJsonFeed((await get(feedPath(scope, 'json'))).body).items.find((i) => i.url === item.url)!;
    expect(jsonItem.attachments).toEqual([{ url, mime_type: 'video/mp4', size_in_bytes: mp4.sizeBytes, duration_in_seconds: 84 }]);
  });

  it('round-trips &, <, ]]>, emoji and right-to-left text in every format', async () => {
    const id = await givenPublishedStory(t.actions, {
      headline: TRICKY,
      deck: `deck ${TRICKY}`,
      bylines: ['Zoë <Writer> & Co'],
      body: [{ type: 'paragraph', content: [{ type: 'text', text: `body ${TRICKY}` }] }],
    });
    const scope: FeedScope = { kind: 'service', serviceCode: 'en' };
    const rss = (await get(feedPath(scope, 'rss'))).body;
    const tree = strictXml(rss) as { rss: { channel: { item: { title: string; description: string; 'dc:creator': string[] }[] } } };
    const raw = tree.rss.channel.item[0]!;
    expect(raw.title).toBe(TRICKY);
    expect(raw['dc:creator'][0]).toBe('Zoë <Writer> & Co');
    const rssItem = readFeed(rss).items[0]!;
    expect(rssItem.title).toBe(TRICKY);
    expect(rssItem.description).toBe(`deck ${TRICKY}`);
    expect(rssItem.content).toContain(`body ${TRICKY}`);
    // The body is HTML: what the reporter typed stays text in it.
    expect((raw as unknown as Record<string, string>)['content:encoded']).toContain('body Tom &amp; Jerry &lt;b>not bold&lt;/b> ]]> ]]> 🎉 سلام دنیا');
    const atomItem = readFeed((await get(feedPath(scope, 'atom'))).body).items[0]!;
    expect(atomItem.title).toBe(TRICKY);
    expect(atomItem.authors[0]?.name).toBe('Zoë <Writer> & Co');
    const jsonItem = readJsonFeed((await get(feedPath(scope, 'json'))).body).items[0]!;
    expect(jsonItem.title).toBe(TRICKY);
    expect(jsonItem.url).toBe(`${ORIGIN}/en/a/${encodeURIComponent((await t.store.read.stories.findById(id))!.slug)}/${id}`);

    const fa = readJsonFeed((await get('/fa/feed.json')).body);
    expect(fa.language).toBe('fa');
    expect(fa.items[0]?.content_html).toMatch(/^<div lang="fa" dir="rtl">/);
    await unpublishStory(t.actions, SYSTEM, id);
  });

  it('marks an update with its time and leaves out drafts, embargoed and withdrawn stories', async () => {
    const draft = await createStory(t.actions, SYSTEM, storyInput({ headline: 'Draft story' }));
    const embargoed = await createStory(t.actions, SYSTEM, storyInput({ headline: 'Embargoed story' }));
    await publishStory(t.actions, SYSTEM, embargoed, { at: new Date(t.clock.now().getTime() + 60 * 60_000) });
    const withdrawn = await givenPublishedStory(t.actions, { headline: 'Withdrawn story' });
    await unpublishStory(t.actions, SYSTEM, withdrawn);
    const updated = await givenPublishedStory(t.actions, { headline: 'Updated story' }, 30);
    t.clock.advance(60_000);
    await addStoryNote(t.actions, SYSTEM, updated, { kind: 'update', text: 'Adds the vote count.' });
    for (const format of FEED_FORMATS) {
      const body = (await get(`/en/feed.${format}`)).body;
      for (const id of [draft, embargoed, withdrawn]) expect(body, format).not.toMatch(new RegExp(`/${id}["<]`));
    }
    const item = readJsonFeed((await get('/en/feed.json')).body).items.find((i) => i.url.endsWith(`/${updated}`))!;
    expect(Date.parse(item.date_modified)).toBe(t.clock.now().getTime());
    expect(Date.parse(item.date_modified)).toBeGreaterThan(Date.parse(item.date_published));
    const atom = readFeed((await get('/en/feed.atom')).body).items.find((i) => i.url?.endsWith(`/${updated}`))!;
    expect(atom.updated?.getTime()).toBe(t.clock.now().getTime());
  });

  it('gives a podcast section the itunes: elements, with the audio rendition as enclosure', async () => {
    const section = await createSection(t.actions, SYSTEM, { serviceCode: 'en', slug: 'the-podcast', name: 'The Podcast', podcast: true });
    const audio = await givenMediaItem(t.actions, { kind: 'audio', title: 'Episode one' });
    await givenPublishedStory(t.actions, { headline: 'Episode one', sectionId: section.id, leadMediaId: audio.id });
    const rss = (await get('/en/s/the-podcast/feed.rss')).body;
    const tree = strictXml(rss) as { rss: Record<string, unknown> & { channel: Record<string, unknown> & { item: Record<string, unknown>[] } } };
    expect(tree.rss['@xmlns:itunes']).toBe('http://www.itunes.com/dtds/podcast-1.0.dtd');
    expect(tree.rss.channel['itunes:category']).toEqual({ '@text': 'News' });
    expect(tree.rss.channel['itunes:explicit']).toBe('false');
    expect(tree.rss.channel['itunes:image']).toMatchObject({ '@href': expect.stringMatching(/^http:\/\/localhost:3000\/assets\/logo\./) });
    const item = tree.rss.channel.item[0]!;
    expect(item['itunes:duration']).toBe('84');
    expect(item['itunes:episodeType']).toBe('full');
    const media = readFeed(rss).items[0]!.media[0]!;
    expect(media.mimeType).toBe('video/mp4'); // givenMediaItem's made-up renditions are MP4s whatever the kind
    expect((await get('/en/s/asia/feed.rss')).body).not.toContain('itunes:');
  });

  it('is served from cache with an ETag, answers 304, and is purged when a story is published', async () => {
    const first = await get('/en/feed.rss');
    const again = await get('/en/feed.rss');
    expect(again.headers['x-cache']).toBe('HIT');
    expect(again.headers['surrogate-key']).toContain('lists-en');
    expect(again.headers['cache-control']).toContain('s-maxage=');
    const etag = String(first.headers.etag);
    expect((await get('/en/feed.rss', { 'if-none-match': etag })).statusCode).toBe(304);
    const id = await givenPublishedStory(t.actions, { headline: 'Fresh off the press' }, 0);
    const fresh = await get('/en/feed.rss', { 'if-none-match': etag });
    expect(fresh.statusCode).toBe(200);
    expect(readFeed(fresh.body).items[0]?.url).toMatch(new RegExp(`/${id}$`));
  });

  it('answers 404 for a feed of nothing', async () => {
    for (const url of ['/en/s/no-such-section/feed.rss', '/xx/feed.atom', '/en/t/nope/feed.json', '/en/p/nobody/999/feed.rss', '/en/p/x/0/feed.rss', '/en/p/x/007/feed.rss', '/en/p/x/1e3/feed.rss', '/en/p/x/99999999999/feed.rss']) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });
});
