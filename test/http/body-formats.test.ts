import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory } from '../../src/actions/stories/create-story.js';
import { publishStory } from '../../src/actions/stories/publish-story.js';
import { storyPath } from '../../src/domain/story/story-path.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { contentApiKey, CONTENT_API } from '../support/content-api.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenService, storyInput, SYSTEM } from '../support/factories.js';
import { givenUser, signInAs } from '../support/newsroom.js';
import { givenMediaItem } from '../support/media.js';

const text = (value: string) => [{ type: 'text', text: value }];

const TABLE = {
  type: 'table',
  caption: 'Turnout by region',
  headerRow: true,
  headerColumn: true,
  rows: [
    [text('Region'), text('Turnout')],
    [text('Osh'), text('61%')],
    [text('Chuy'), []],
  ],
};
const EMBED = { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', caption: 'The rally, filmed by a reader' };
const BODY = [{ type: 'paragraph', content: text('Voters turned out.') }, TABLE, EMBED];

describe.each(STORE_KINDS)('tables and embeds, saved and shown on %s', (kind) => {
  let t: TestApp;
  let editor: Awaited<ReturnType<typeof signInAs>>;

  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions);
    await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
    editor = await signInAs(t, 'editor@example.org');
  });
  afterAll(async () => t.close());

  const post = (url: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: editor.csrfToken, ...fields }).toString(),
    });
  const fields = (body: unknown) => ({ version: '1', serviceCode: 'en', headline: 'Turnout Was High', slug: 'turnout', bodyJson: JSON.stringify(body) });
  const stored = async (id: number) => (await t.store.read.stories.findById(id))!;

  it('saves a table and an embed from the story form, and the reader page shows them accessibly and privately', async () => {
    const id = await createStory(t.actions, SYSTEM, storyInput());
    expect((await post(`/newsroom/stories/${id}`, fields(BODY))).statusCode).toBe(303);
    expect((await stored(id)).body).toEqual(BODY);
    await publishStory(t.actions, SYSTEM, id, { at: new Date(t.actions.clock.now().getTime() - 60_000) });

    const story = await stored(id);
    const page = await t.app.inject({ method: 'GET', url: storyPath(story) });
    expect(page.statusCode).toBe(200);
    const html = page.body;
    expect(html).toContain('<div class="table-scroll" role="region" tabindex="0" aria-label="Turnout by region"><table><caption>Turnout by region</caption>');
    expect(html).toContain('<thead><tr><th scope="col">Region</th><th scope="col">Turnout</th></tr></thead>');
    expect(html).toContain('<tr><th scope="row">Osh</th><td>61%</td></tr><tr><th scope="row">Chuy</th><td></td></tr>');
    // The embed: a placeholder naming YouTube and a plain link; the frame's address only in a data attribute.
    expect(html).toContain('data-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
    expect(html).toContain('Content from YouTube. Loading it lets YouTube see your visit.');
    expect(html).toContain('<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener noreferrer">Open on YouTube</a>');
    expect(html).toContain('<figcaption dir="auto">The rally, filmed by a reader</figcaption>');
    expect(html).not.toContain('<iframe');
    expect(html).toMatch(/<script src="\/assets\/embeds\.[\w-]+\.js" defer>/);
    expect(page.headers['content-security-policy']).toContain('frame-src \'self\' https://www.youtube-nocookie.com');
    expect(page.headers['content-security-policy']).toContain("script-src 'self';");

    const feed = await t.app.inject({ method: 'GET', url: '/en/feed.rss' });
    expect(feed.body).toContain('&lt;table&gt;&lt;caption&gt;Turnout by region&lt;/caption&gt;');
    expect(feed.body).toContain('&lt;th scope="row"&gt;Osh&lt;/th&gt;');
    expect(feed.body).toContain('YouTube: https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(feed.body).not.toContain('iframe');

    const key = await contentApiKey(t);
    const api = await t.app.inject({ method: 'GET', url: `${CONTENT_API}/stories/${id}`, headers: { authorization: `Bearer ${key}` } });
    expect(api.statusCode).toBe(200);
    expect(api.json().body).toEqual(BODY);
  });

  it('refuses a table of 10,000 cells and an embed that is not one on the same form, keeping what was typed and changing nothing', async () => {
    const id = await createStory(t.actions, SYSTEM, storyInput());
    const before = await stored(id);
    const huge = { type: 'table', headerRow: false, headerColumn: false, rows: Array.from({ length: 200 }, (_, r) => Array.from({ length: 50 }, (_, c) => text(`r${r}c${c}`))) };
    const refused = await post(`/newsroom/stories/${id}`, fields([{ type: 'paragraph', content: text('Typed before the table.') }, huge]));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('role="alert"');
    expect(refused.body).toContain('body[1].rows has 10,000 cells: a table may have at most 5,000 cells (500 rows, 50 columns); split it');
    // The editor starts again from what was sent, the big table included, for the writer to cut it down.
    expect(refused.body).toContain('Typed before the table.');
    expect(refused.body).toContain('r199c49');

    const notAnEmbed = await post(`/newsroom/stories/${id}`, fields([{ type: 'embed', url: 'https://example.org/news/1' }]));
    expect(notAnEmbed.statusCode).toBe(400);
    expect(notAnEmbed.body).toContain('body[0].url is not from a site that can be embedded');
    expect(await stored(id)).toEqual(before);
  });

  it('takes free text in either direction in the newsroom: dir="auto" on the story form\'s text fields and the media forms', async () => {
    const id = await createStory(t.actions, SYSTEM, storyInput());
    const form = (await t.app.inject({ method: 'GET', url: `/newsroom/stories/${id}`, headers: { cookie: editor.cookie } })).body;
    for (const field of ['headline', 'deck', 'place', 'outlet', 'bylines', 'credits']) {
      expect(form, field).toMatch(new RegExp(`<(input|textarea) id="${field}"[^>]* dir="auto"`));
    }
    const library = (await t.app.inject({ method: 'GET', url: '/newsroom/media', headers: { cookie: editor.cookie } })).body;
    for (const field of ['upload-title', 'upload-caption', 'upload-credit', 'upload-alt']) {
      expect(library, field).toMatch(new RegExp(`<input id="${field}"[^>]* dir="auto"`));
    }
  });

  it('shows a gallery of photos in order, a caption given in the story over the photo caption, leaving out what is not a ready photo', async () => {
    const square = await givenMediaItem(t.actions, { kind: 'image', title: 'Square', caption: 'Library caption of the square', credit: 'Reuters' });
    const bridge = await givenMediaItem(t.actions, { kind: 'image', title: 'Bridge', caption: 'The bridge at dawn', credit: 'AP' });
    const clip = await givenMediaItem(t.actions, { kind: 'video', title: 'A clip' });
    const body = [{ type: 'gallery', items: [{ mediaId: square.id, caption: 'The square, as the story tells it' }, { mediaId: bridge.id }, { mediaId: clip.id }] }];
    const id = await createStory(t.actions, SYSTEM, storyInput());
    expect((await post(`/newsroom/stories/${id}`, fields(body))).statusCode).toBe(303);
    await publishStory(t.actions, SYSTEM, id, { at: new Date(t.actions.clock.now().getTime() - 60_000) });
    const html = (await t.app.inject({ method: 'GET', url: storyPath(await stored(id)) })).body;
    const gallery = html.slice(html.indexOf('<section class="gallery"'), html.indexOf('</section>', html.indexOf('<section class="gallery"')));
    expect(gallery).toContain('aria-label="Photo gallery, 2 photos"');
    expect(gallery.indexOf('The square, as the story tells it')).toBeLessThan(gallery.indexOf('The bridge at dawn'));
    expect(gallery).not.toContain('Library caption of the square');
    expect(gallery).toContain('(photo: Reuters)');
    expect(gallery).not.toContain('A clip');
    expect((await stored(id)).body).toEqual(body);
    // A photo shown in a published gallery (with a caption of the story's) is public in the Content API.
    const key = await contentApiKey(t);
    const photo = await t.app.inject({ method: 'GET', url: `${CONTENT_API}/media/${square.id}`, headers: { authorization: `Bearer ${key}` } });
    expect(photo.statusCode).toBe(200);

    const missing = await post(`/newsroom/stories/${id}`, fields([{ type: 'gallery', items: [{ mediaId: square.id }, { mediaId: 999_999 }] }]));
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('media item 999999 does not exist');
    expect((await stored(id)).body).toEqual(body);
  });
});

