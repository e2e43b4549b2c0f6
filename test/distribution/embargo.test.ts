import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory } from '../../src/actions/stories/create-story.js';
import { publishStory } from '../../src/actions/stories/publish-story.js';
import { STORE_KINDS } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { storyInput, SYSTEM } from '../support/factories.js';
import { contentApiKey } from '../support/content-api.js';

/** Every place a published story shows outside its page: feeds, sitemaps, the Content API. */
const SURFACES = [
  '/en/feed.rss',
  '/en/feed.atom',
  '/en/feed.json',
  '/en/t/kyrgyzstan/feed.rss',
  '/en/sitemap-1.xml',
  '/en/sitemap-news.xml',
  '/api/content/v1/stories?service=en',
];

describe.each(STORE_KINDS)('an embargoed story on %s', (kind) => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: 'system' });
    key = await contentApiKey(t);
  });
  afterAll(async () => t.close());

  const seen = async (marker: string) => {
    const found: string[] = [];
    for (const url of SURFACES) {
      const response = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
      expect(response.statusCode, url).toBe(200);
      if (response.body.includes(marker)) found.push(url);
    }
    return found;
  };

  it('is absent from every feed, sitemap and API response until its time, and in all of them within a second after', async () => {
    const tag = (await t.store.read.services.findTag('en', 'kyrgyzstan'))!;
    const marker = `embargo-${kind}-${Date.now()}`;
    const id = await createStory(t.actions, SYSTEM, storyInput({ headline: `Embargoed ${marker}`, slug: marker, tagIds: [tag.id] }));
    const at = new Date(Date.now() + 4_000);
    await publishStory(t.actions, SYSTEM, id, { at });
    // Warm every cache while it is embargoed: what lifts the embargo must purge them.
    expect(await seen(marker)).toEqual([]);
    expect(await seen(marker)).toEqual([]);
    while (Date.now() < at.getTime() - 100) {
      expect(await seen(marker)).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // The story is published within a second of its time (the scheduler wakes for it), and every
    // cache showing the service's lists is purged by that publish.
    // When it went live is read from the story itself (the publish writes its modification time):
    // this test's own polling, slowed by a busy machine, is not the product's delay.
    let published: Date | null = null;
    while (Date.now() < at.getTime() + 10_000 && !published) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const story = await t.store.read.stories.findById(id);
      if (story?.status === 'published') published = story.modifiedAt;
    }
    expect(published, 'published at all').not.toBeNull();
    expect(published!.getTime() - at.getTime(), 'milliseconds after its time').toBeGreaterThanOrEqual(0);
    expect(published!.getTime() - at.getTime(), 'milliseconds after its time').toBeLessThan(1_000);
    expect(await seen(marker)).toEqual(SURFACES);
  });
});
