import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { givenPublishedStory } from '../support/factories.js';

const STORY = '/en/a/kyrgyz-president-wont-back-down-as-opposition-claims-power/1';
const PAGES = ['/en/', '/en/s/asia', '/en/t/kyrgyzstan', '/en/p/roza-otunbaeva/1', STORY, `${STORY}/comments`, '/en/search?q=Bakiev', '/fa/', '/en/nowhere/at/all'];

describe.each(STORE_KINDS)('reader page details on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => t.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const hrefOf = (html: string, rel: string) => new RegExp(`<link rel="${rel}" href="([^"]+)"`).exec(html)?.[1];

  it('links a favicon, a touch icon and a web app manifest from every page type, each served', async () => {
    for (const url of PAGES) {
      const html = (await get(url)).body;
      for (const rel of ['icon', 'apple-touch-icon', 'manifest']) {
        const href = hrefOf(html, rel);
        expect(href, `${url} ${rel}`).toMatch(/^\/assets\/[\w-]+\.[\w-]{12}\.(svg|png|webmanifest)$/);
        expect((await get(href ?? '')).statusCode, href).toBe(200);
      }
    }
    const manifestUrl = hrefOf((await get('/en/')).body, 'manifest') ?? '';
    const manifest = (await get(manifestUrl)).json<{ name: string; icons: { src: string; sizes: string }[] }>();
    expect(manifest.name).toBe('Dateline');
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(['192x192', '512x512', 'any']);
    for (const icon of manifest.icons) expect((await get(icon.src)).statusCode, icon.src).toBe(200);
    const ico = await get('/favicon.ico');
    expect(ico.statusCode).toBe(200);
    expect(ico.headers['content-type']).toBe('image/x-icon');
    expect(ico.rawPayload.subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  });

  it('sends the stylesheet and scripts precompressed (Brotli, else gzip) and immutable', async () => {
    const html = (await get(STORY)).body;
    const css = hrefOf(html, 'stylesheet') ?? '';
    const player = /<script src="([^"]+)"/.exec(html)?.[1] ?? '';
    for (const url of [css, player]) {
      const plain = await get(url);
      expect(plain.headers['cache-control'], url).toBe('public, max-age=31536000, immutable');
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding'], url).toBe('br');
      expect(br.headers.vary, url).toBe('accept-encoding');
      expect(br.rawPayload.length, url).toBeLessThan(plain.rawPayload.length / 2);
      expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload), url).toBe(true);
      const gzip = await get(url, { 'accept-encoding': 'gzip' });
      expect(gzip.headers['content-encoding'], url).toBe('gzip');
      expect(gunzipSync(gzip.rawPayload).equals(plain.rawPayload), url).toBe(true);
    }
  });

  it('answers 404 for a list page past the last one, and 200 for the ones that exist', async () => {
    for (const url of ['/en/?page=2', '/en/s/asia?page=3', '/en/t/kyrgyzstan?page=2', '/en/p/roza-otunbaeva/1?page=2']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
    expect((await get('/en/?page=1')).statusCode).toBe(200);
  });

  it('gives every page type a meta description, in the service language', async () => {
    for (const url of PAGES) {
      const description = /<meta name="description" content="([^"]+)"/.exec((await get(url)).body)?.[1];
      expect(description, url).toBeTruthy();
    }
    const fa = /<meta name="description" content="([^"]+)"/.exec((await get('/fa/')).body)?.[1];
    expect(fa).toMatch(/[\u0600-\u06FF]/);
    expect(/<meta name="description" content="([^"]+)"/.exec((await get('/en/s/asia')).body)?.[1]).toContain('Asia');
  });

  it('marks the current section and language in the masthead', async () => {
    const section = (await get('/en/s/asia')).body;
    expect(section).toMatch(/<a href="\/en\/s\/asia" aria-current="page">/);
    expect(section).toMatch(/<a href="\/en\/"[^>]*aria-current="true"[^>]*>/);
    expect(section).not.toMatch(/<a href="\/en\/" aria-current="page">/);
    const story = (await get(STORY)).body;
    expect(story).toMatch(/<a href="\/en\/s\/asia" aria-current="true">/);
  });

  it('ends a story with more from its section, itself left out, kept current as the section gets stories', async () => {
    const more = async () => {
      const html = (await get(STORY)).body;
      const block = /<section class="more-from"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
      return { block, links: [...block.matchAll(/<li><a href="([^"]+)">/g)].map((m) => m[1]) };
    };
    const before = await more();
    expect(before.block).toContain('More from Asia');
    expect(before.links.length).toBeGreaterThan(0);
    expect(before.links).not.toContain(STORY);
    const story = await t.store.read.stories.findById(1);
    const id = await givenPublishedStory(t.actions, { sectionId: story?.sectionId ?? null, headline: 'A Fresh Story From Asia' }, 1);
    const after = await more();
    expect(after.links[0]).toMatch(new RegExp(`/${id}$`));
  });

  it('preloads the Persian typeface on Persian pages only', async () => {
    const fa = (await get('/fa/')).body;
    const fonts = [...fa.matchAll(/<link rel="preload" href="([^"]+\.woff2)" as="font" type="font\/woff2" crossorigin="anonymous"\/>/g)].map((m) => m[1] ?? '');
    expect(fonts).toHaveLength(2);
    for (const font of fonts) {
      const response = await get(font);
      expect(response.headers['content-type']).toBe('font/woff2');
      expect(response.headers['content-encoding']).toBeUndefined();
    }
    expect((await get(STORY)).body).not.toContain('.woff2');
  });
});
