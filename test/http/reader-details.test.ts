import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { STORE_KINDS } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { givenPublishedStory } from '../support/factories.js';

const STORY = '/en/a/kyrgyz-president-wont-back-down-as-opposition-claims-power/1';
const PAGES = ['/en/', '/en/s/asia', '/en/t/kyrgyzstan', '/en/p/roza-otunbaeva/1', STORY, `${STORY}/comments`, '/en/search?q=Bakiev', '/en/privacy', '/fa/', '/en/nowhere/at/all'];

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
    expect(/<meta name="description" content="([^"]+)"/.exec((await get(`${STORY}/comments`)).body)?.[1]).toContain('Kyrgyz President');
  });

  it('ends every page with a footer that links the privacy page, the feed and search, each served in the service language', async () => {
    for (const url of PAGES) {
      const code = url.split('/')[1] ?? '';
      const footer = /<footer class="site-footer">[\s\S]*?<\/footer>/.exec((await get(url)).body)?.[0] ?? '';
      expect(footer, url).toContain(`href="/${code}/privacy"`);
      const links = [...footer.matchAll(new RegExp(`<a href="(/${code}/[^"]*)"`, 'g'))].map((m) => m[1] ?? '');
      expect(links.some((href) => /feed|rss/.test(href)), url).toBe(true);
      for (const href of links) expect((await get(href)).statusCode, `${url} -> ${href}`).toBe(200);
    }
    for (const [code, word] of [['en', 'Privacy'], ['ru', 'Конфиденциальность'], ['ky', 'Купуялык'], ['fa', 'حریم خصوصی']] as const) {
      const page = await get(`/${code}/privacy`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toMatch(new RegExp(`<h1 id="privacy-title">${word}</h1>`));
      expect(page.body).toContain(`<link rel="canonical" href="http://localhost:3000/${code}/privacy"/>`);
    }
    expect((await get('/xx/privacy')).statusCode).toBe(404);
  });

  it("shows the demo services' About and Contact pages as their editors wrote them, in each language", async () => {
    const en = await get('/en/about');
    expect(en.body).toContain('<p>Our correspondents work from Bishkek, Osh, Prague and Vienna.');
    const contact = (await get('/en/contact')).body;
    expect(contact).toContain('<a href="mailto:newsroom-en@example.org" dir="ltr">newsroom-en@example.org</a>');
    expect(contact).toContain('<address>Vinohradská 159a<br/>110 00 Prague 10<br/>Czech Republic</address>');
    const fa = (await get('/fa/contact')).body;
    expect(fa).toMatch(/<html lang="fa" dir="rtl"/);
    expect(fa).toContain('<dt>ایمیل</dt>');
    expect((await get('/ky/about')).body).toContain('<h1 id="about-title">Биз жөнүндө</h1>');
    expect((await get('/ru/about')).body).toContain('<p>Радио Свобода рассказывает');
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
      const block = /<section class="story-links" aria-labelledby="more-from"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
      return { block, links: [...block.matchAll(/<li>(?:<picture[\s\S]*?<\/picture>)?<a href="([^"]+)">/g)].map((m) => m[1]) };
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

  it('ends a story with related stories that share a topic, neither itself nor those already under its section, kept current', async () => {
    const related = async () => {
      const html = (await get(STORY)).body;
      const block = /<section class="story-links" aria-labelledby="related-stories"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
      const more = /<section class="story-links" aria-labelledby="more-from"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
      const links = (part: string) => [...part.matchAll(/<li>(?:<picture[\s\S]*?<\/picture>)?<a href="([^"]+)">/g)].map((m) => m[1] ?? '');
      return { block, links: links(block), more: links(more) };
    };
    const before = await related();
    expect(before.block).toContain('Related stories');
    expect(before.links.some((href) => href.includes('osce-and-un'))).toBe(true);
    expect(before.links).not.toContain(STORY);
    for (const href of before.more) expect(before.links).not.toContain(href);

    const story = await t.store.read.stories.findById(1);
    const world = (await t.store.read.services.listSections('en')).find((s) => s.slug === 'world');
    const tagged = await givenPublishedStory(t.actions, { sectionId: world?.id ?? null, tagIds: story?.tagIds.slice(0, 1), headline: 'Envoys Arrive In Bishkek' }, 1);
    const untagged = await givenPublishedStory(t.actions, { sectionId: world?.id ?? null, headline: 'Unrelated Weather Story' }, 1);
    const after = await related();
    expect(after.links[0]).toMatch(new RegExp(`/${tagged}$`));
    expect(after.links.some((href) => href.endsWith(`/${untagged}`))).toBe(false);

    // Naming the same person (a profile in the body) relates stories as well as a topic does.
    const profileId = 1;
    expect((await t.store.read.profiles.findById(profileId))?.slug).toBe('roza-otunbaeva');
    const naming = await givenPublishedStory(
      t.actions,
      { sectionId: world?.id ?? null, headline: 'Otunbaeva Meets The Envoys', body: [{ type: 'profile', profileId }] },
      0,
    );
    expect((await related()).links[0]).toMatch(new RegExp(`/${naming}$`));
  });

  it('shows one picture in each section group of the home page, its newest story that has one, the rest as headlines', async () => {
    const story = await t.store.read.stories.findById(1);
    for (let n = 1; n <= 5; n++) {
      await givenPublishedStory(t.actions, { sectionId: story?.sectionId ?? null, leadMediaId: story?.leadMediaId ?? null, headline: `Asia Update ${n}` }, n);
    }
    const home = (await get('/en/')).body;
    const group = /<section class="front-section" aria-labelledby="front-s\d+"><h2[^>]*><a href="\/en\/s\/asia">[\s\S]*?<\/section>/.exec(home)?.[0] ?? '';
    const items = [...group.matchAll(/<li>[\s\S]*?<\/li>/g)].map((m) => m[0]);
    expect(items.length).toBeGreaterThan(1);
    const pictured = items.filter((item) => item.includes('<img'));
    expect(pictured).toHaveLength(1);
    // The newest story of the group that has a picture (a story without one may be newer).
    expect(pictured[0]).toMatch(/<img [^>]*width="\d+" height="\d+"/);
    expect(pictured[0]).toContain(items.find((item) => /Asia Update \d/.test(item))?.match(/Asia Update \d/)?.[0] ?? '?');
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
  it('shows the pictures of the related and "more from" stories from their renditions, read in one query for the set', async () => {
    const findByIds = vi.spyOn(t.store.read.media, 'findByIds');
    try {
      // Pictured stories in its section and sharing its topic (new stories also purge the story page, so it renders afresh).
      const story = await t.store.read.stories.findById(1);
      const world = (await t.store.read.services.listSections('en')).find((section) => section.slug === 'world');
      const lead = story?.leadMediaId ?? null;
      await givenPublishedStory(t.actions, { sectionId: story?.sectionId ?? null, leadMediaId: lead, headline: 'Pictured Story From Asia' }, 1);
      await givenPublishedStory(t.actions, { sectionId: world?.id ?? null, tagIds: story?.tagIds.slice(0, 1), leadMediaId: lead, headline: 'Pictured Related Story' }, 1);
      findByIds.mockClear();
      const page = await get(STORY);
      expect(page.headers['x-cache']).toBe('MISS');
      for (const id of ['related-stories', 'more-from']) {
        const block = new RegExp(`<section class="story-links" aria-labelledby="${id}">[\\s\\S]*?</section>`).exec(page.body)?.[0] ?? '';
        const item = /<li>(<(?:picture|span) class="card-image[^"]*">(?:(?!<li>)[\s\S])*?)<a href="[^"]+">Pictured [^<]+<\/a>/.exec(block)?.[1] ?? '';
        // The lead's picture or, for a video, its poster frame: sized, so nothing shifts as it loads.
        expect(item, id).toMatch(/<img src="\/media\/[^"]+"[^>]* width="\d+" height="\d+" alt(="")? loading="lazy"/);
      }
      // The story's own media, then the pictures of every linked story at once: never one query per story.
      expect(findByIds.mock.calls.length).toBe(2);
    } finally {
      findByIds.mockRestore();
    }
  });
});
