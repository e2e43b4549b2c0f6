import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStoryNote } from '../../src/actions/stories/add-story-note.js';
import { storyPath } from '../../src/domain/story/story-path.js';
import { STORE_KINDS } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { givenPublishedStory, SYSTEM } from '../support/factories.js';
import { strictXml } from '../support/feeds.js';

const ORIGIN = 'http://localhost:3000';

type UrlEntry = { loc: string; lastmod?: string; 'video:video'?: Record<string, string>[]; 'news:news'?: Record<string, unknown> };

describe.each(STORE_KINDS)('robots.txt and sitemaps on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => t.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const urls = async (path: string) => {
    const response = await get(path);
    expect(response.statusCode, path).toBe(200);
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
    return ((strictXml(response.body) as { urlset: { url?: UrlEntry[] } }).urlset.url ?? []);
  };

  it('names the sitemap in robots.txt and keeps crawlers out of the newsroom', async () => {
    const robots = await get('/robots.txt');
    expect(robots.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(robots.body).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
    expect(robots.body).toContain('Disallow: /newsroom');
    expect(robots.body).toContain('Disallow: /api/');
  });

  it('indexes every service sitemap and news sitemap, and lists every published story with its last change', async () => {
    const index = strictXml((await get('/sitemap.xml')).body) as { sitemapindex: { sitemap: { loc: string; lastmod: string }[] } };
    const locs = index.sitemapindex.sitemap.map((s) => s.loc);
    for (const service of await t.store.read.services.list()) {
      expect(locs).toContain(`${ORIGIN}/${service.code}/sitemap-1.xml`);
      expect(locs).toContain(`${ORIGIN}/${service.code}/sitemap-news.xml`);
      const published = await t.store.read.stories.listPublished({ serviceCode: service.code, now: t.clock.now(), limit: 1000, offset: 0 });
      const entries = await urls(`/${service.code}/sitemap-1.xml`);
      const storyLocs = entries.map((e) => e.loc).filter((loc) => loc.includes('/a/'));
      expect(storyLocs.sort()).toEqual(published.map((s) => `${ORIGIN}${storyPath(s)}`).sort());
      expect(entries.map((e) => e.loc)).toContain(`${ORIGIN}/${service.code}/`);
    }
    expect((await get('/en/sitemap-2.xml')).statusCode).toBe(404);
    expect((await get('/xx/sitemap-1.xml')).statusCode).toBe(404);
  });

  it('gives lead video the video: extension and moves lastmod with a correction', async () => {
    const entries = await urls('/en/sitemap-1.xml');
    const reference = entries.find((e) => e.loc.endsWith('/1'))!;
    const video = reference['video:video']![0]!;
    expect(video).toMatchObject({
      'video:thumbnail_loc': `${ORIGIN}/media/demo/bishkek-day-after-poster.jpg`,
      'video:title': 'Bishkek - A Day After The Deadly Protests',
      'video:content_loc': `${ORIGIN}/media/demo/bishkek-day-after.mp4`,
      'video:duration': '84',
    });
    expect(video['video:player_loc']).toMatch(new RegExp(`^${ORIGIN}/embed/media/\\d+$`));
    t.clock.advance(5 * 60_000);
    await addStoryNote(t.actions, SYSTEM, 1, { kind: 'correction', text: 'A name was misspelt.' });
    const after = (await urls('/en/sitemap-1.xml')).find((e) => e.loc.endsWith('/1'))!;
    expect(after.lastmod).toBe(t.clock.now().toISOString());
  });

  it('lists the last 48 hours in the news sitemap with the publication name and language', async () => {
    const fresh = await givenPublishedStory(t.actions, { headline: 'Fresh & <new>' }, 60);
    const old = await givenPublishedStory(t.actions, { headline: 'Three days old' }, 3 * 24 * 60);
    const entries = await urls('/en/sitemap-news.xml');
    const item = entries.find((e) => e.loc.endsWith(`/${fresh}`))!;
    expect(item['news:news']).toMatchObject({
      'news:publication': { 'news:name': 'RFE/RL', 'news:language': 'en' },
      'news:title': 'Fresh & <new>',
      'news:publication_date': new Date(t.clock.now().getTime() - 60 * 60_000).toISOString(),
    });
    expect(entries.some((e) => e.loc.endsWith(`/${old}`))).toBe(false);
    expect((await urls('/fa/sitemap-news.xml')).every((e) => (e['news:news'] as { 'news:publication': Record<string, string> })['news:publication']['news:language'] === 'fa')).toBe(true);
  });

  it('is cached with surrogate keys and answers 304', async () => {
    await get('/en/sitemap-1.xml');
    const hit = await get('/en/sitemap-1.xml');
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.headers['surrogate-key']).toContain('lists-en');
    expect((await get('/en/sitemap-1.xml', { 'if-none-match': String(hit.headers.etag) })).statusCode).toBe(304);
  });
});
