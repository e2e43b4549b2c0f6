import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory } from '../../src/actions/stories/create-story.js';
import { STORE_KINDS } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { givenPublishedStory, storyInput, SYSTEM } from '../support/factories.js';
import { givenMediaItem } from '../support/media.js';

const ORIGIN = 'http://localhost:3000';
const STORY = '/en/a/kyrgyz-president-wont-back-down-as-opposition-claims-power/1';

describe.each(STORE_KINDS)('embeds and oEmbed on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('serves the player page, framable on purpose, while every other page stays unframable', async () => {
    const leadId = (await t.store.read.stories.findById(1))!.leadMediaId!;
    const embed = await get(`/embed/media/${leadId}`);
    expect(embed.statusCode).toBe(200);
    expect(embed.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(embed.headers['x-frame-options']).toBeUndefined();
    expect(embed.body).toContain('<video');
    expect(embed.body).toContain('Bishkek - A Day After The Deadly Protests');
    expect(embed.body).toContain(`<link rel="canonical" href="${ORIGIN}${STORY}"/>`);
    for (const path of [STORY, '/en/', '/en/feed.rss', '/newsroom']) {
      const response = await get(path);
      expect(response.headers['x-frame-options'], path).toBe('DENY');
      expect(String(response.headers['content-security-policy']), path).toContain("frame-ancestors 'none'");
    }
  });

  it('has no player for media no published story shows', async () => {
    const unused = await givenMediaItem(t.actions, { title: 'Unused footage' });
    await createStory(t.actions, SYSTEM, storyInput({ headline: 'Draft with video', leadMediaId: unused.id }));
    expect((await get(`/embed/media/${unused.id}`)).statusCode).toBe(404);
    expect((await get('/embed/media/99999')).statusCode).toBe(404);
    expect((await get(`/oembed?url=${encodeURIComponent(`${ORIGIN}/embed/media/${unused.id}`)}`)).statusCode).toBe(404);
  });

  it('answers oEmbed for a story or player address, discoverable from the story page', async () => {
    const page = (await get(STORY)).body;
    const discovery = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(page)?.[1];
    expect(discovery).toBeDefined();
    const href = new URL(discovery!.replace(/&amp;/g, '&'));
    const answer = await get(`${href.pathname}${href.search}`);
    expect(answer.statusCode).toBe(200);
    const leadId = (await t.store.read.stories.findById(1))!.leadMediaId!;
    expect(answer.json()).toMatchObject({
      version: '1.0',
      type: 'video',
      title: "Kyrgyz President Won't Back Down, As Opposition Claims Power",
      provider_name: 'RFE/RL',
      width: 426,
      height: 240,
      thumbnail_url: `${ORIGIN}/media/demo/bishkek-day-after-poster.jpg`,
    });
    expect(answer.json<{ html: string }>().html).toBe(
      `<iframe src="${ORIGIN}/embed/media/${leadId}" width="426" height="240" title="Bishkek - A Day After The Deadly Protests" frameborder="0" allowfullscreen loading="lazy"></iframe>`,
    );
    const small = await get(`/oembed?url=${encodeURIComponent(`${ORIGIN}/embed/media/${leadId}`)}&maxwidth=213`);
    expect(small.json()).toMatchObject({ width: 213, height: 120 });
    expect((await get(`/oembed?url=${encodeURIComponent('https://elsewhere.example/en/a/x/1')}`)).statusCode).toBe(404);
    expect((await get(`/oembed?url=${encodeURIComponent(`${ORIGIN}${STORY}`)}&format=xml`)).statusCode).toBe(501);
    expect((await get('/oembed')).statusCode).toBe(400);
    for (const size of ['maxwidth=0', 'maxwidth=-5', 'maxwidth=wide', 'maxheight=1e308']) {
      expect((await get(`/oembed?url=${encodeURIComponent(`${ORIGIN}${STORY}`)}&${size}`)).statusCode, size).toBe(400);
    }
  });

  it('answers a link for a story without a player, and nothing for a story readers cannot see', async () => {
    const plain = await givenPublishedStory(t.actions, { headline: 'Talks Resume', slug: 'talks-resume' });
    const answer = await get(`/oembed?url=${encodeURIComponent(`${ORIGIN}/en/a/talks-resume/${plain}`)}`);
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({ version: '1.0', type: 'link', title: 'Talks Resume' });
    expect(answer.json()).not.toHaveProperty('html');
    const draft = await createStory(t.actions, SYSTEM, storyInput({ headline: 'Draft Talks', slug: 'draft-talks' }));
    expect((await get(`/oembed?url=${encodeURIComponent(`${ORIGIN}/en/a/draft-talks/${draft}`)}`)).statusCode).toBe(404);
  });

  it('answers oEmbed for a story without a player as a link, and not at all for a story readers cannot see', async () => {
    const oembed = (id: number) => get(`/oembed?url=${encodeURIComponent(`${ORIGIN}/en/a/x/${id}`)}`);
    const photo = await givenMediaItem(t.actions, { title: 'A photo', kind: 'image' });
    const withPhoto = await givenPublishedStory(t.actions, { headline: 'Story led by a photo', leadMediaId: photo.id });
    const withNothing = await givenPublishedStory(t.actions, { headline: 'Story with no lead media' });
    const draft = await createStory(t.actions, SYSTEM, storyInput({ headline: 'Draft story' }));
    const photoAnswer = await oembed(withPhoto);
    expect(photoAnswer.statusCode).toBe(200);
    expect(photoAnswer.json()).toEqual({ version: '1.0', type: 'link', title: 'Story led by a photo', provider_name: 'Dateline', provider_url: `${ORIGIN}/` });
    expect((await oembed(withNothing)).json()).toMatchObject({ type: 'link', title: 'Story with no lead media' });
    expect((await oembed(draft)).statusCode).toBe(404);
    expect((await oembed(99999)).statusCode).toBe(404);
    expect((await get(`/oembed?url=${encodeURIComponent(`${ORIGIN}/en/`)}`)).statusCode).toBe(404);
  });
});
