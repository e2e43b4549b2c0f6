import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../src/actions/alerts/create-alert.js';
import { expireAlert } from '../../src/actions/alerts/expire-alert.js';
import { setCommentsState } from '../../src/actions/comments/set-comments-state.js';
import { unpublishStory } from '../../src/actions/stories/unpublish-story.js';
import { updateStory } from '../../src/actions/stories/update-story.js';
import { updateLiveStory } from '../../src/actions/stories/pending-version.js';
import { publishStory } from '../../src/actions/stories/publish-story.js';
import { STORE_KINDS } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { SYSTEM } from '../support/factories.js';

const STORY = '/en/a/kyrgyz-president-wont-back-down-as-opposition-claims-power/1';

describe.each(STORE_KINDS)('reader site on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => t.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('serves the reference story with every element of the reference page', async () => {
    const response = await get(STORY);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = response.body;
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en" dir="ltr">/);
    for (const text of [
      'Accessibility links',
      'Breaking News',
      '<h1 id="story-headline">Kyrgyz President Won\'t Back Down, As Opposition Claims Power</h1>',
      'Bishkek - A Day After The Deadly Protests',
      'please wait',
      'No media source currently available',
      'Direct link',
      '(video: Reuters)',
      '<span class="dateline">BISHKEK (RFE/RL) --</span>',
      '(see profile)</a>',
      "<h2>Bakiev's Whereabouts Unclear</h2>",
      'See comments (14)',
      'This forum has been closed.',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toContain('<main id="main-content" tabindex="-1">');
    expect(html).toMatch(/<video[^>]*poster="\/media\/demo\/bishkek-day-after-poster.jpg"/);
    expect(html).toContain('<source src="/media/demo/bishkek-day-after.mp4" type="video/mp4"/>');
    expect(html).toContain('<audio controls');
  });

  it('sends strict security headers and no inline script', async () => {
    const response = await get(STORY);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
        // JSON-LD blocks are data, never run; every other script is a file of our own.
    expect(response.body).not.toMatch(/<script(?![^>]*\b(?:src=|type="application\/ld\+json"))[^>]*>/);
    expect(response.body).not.toMatch(/\sstyle=/);
  });

  it('serves Cyrillic and right-to-left services with their language and direction', async () => {
    const fa = await get('/fa/');
    expect(fa.statusCode).toBe(200);
    expect(fa.body).toContain('<html lang="fa" dir="rtl">');
    const ru = await get('/ru/');
    expect(ru.body).toContain('<html lang="ru" dir="ltr">');
    expect(ru.body).toContain('Радио Свобода');
  });

  it('lists stories on the home, section, topic and profile pages', async () => {
    for (const url of ['/en/', '/en/s/asia', '/en/t/kyrgyzstan']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain(`href="${STORY}"`);
    }
    const profile = await get('/en/p/roza-otunbaeva/1');
    expect(profile.statusCode).toBe(200);
    expect(profile.body).toContain('Roza Otunbaeva');
    expect(profile.body).toContain(`href="${STORY}"`);
    const comments = await get(`${STORY}/comments`);
    expect(comments.statusCode).toBe(200);
    expect(comments.body).toContain('Comments (14)');
    expect(comments.body.match(/class="comment( comment-reply)?"/g)).toHaveLength(14);
  });

  it('redirects a changed or missing slug to the stable address', async () => {
    expect((await get('/ru')).headers.location).toBe('/ru/');
    const response = await get('/en/a/some-old-slug/1');
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe(STORY);
    const wrongService = await get('/ru/a/kyrgyz-president-wont-back-down-as-opposition-claims-power/1');
    expect(wrongService.statusCode).toBe(301);
    expect(wrongService.headers.location).toBe(STORY);
    const profile = await get('/en/p/old-name/1');
    expect(profile.statusCode).toBe(301);
    expect(profile.headers.location).toBe('/en/p/roza-otunbaeva/1');
  });

  it('answers unknown addresses with a 404 page in the service language', async () => {
    for (const url of ['/en/a/nothing/99999', '/en/a/x/not-a-number', '/en/s/nowhere', '/en/t/nothing', '/en/p/x/999', '/zz/', '/en/x/y/z']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toBe('text/html; charset=utf-8');
    }
    expect((await get('/favicon.txt')).statusCode).toBe(404);
    const persian = await get('/fa/a/nothing/99999');
    expect(persian.body).toContain('dir="rtl"');
  });

  it('refuses a bad page number with a 400 page, not a 500', async () => {
    for (const url of ['/en/?page=abc', '/en/?page=0', '/en/?page=100000', '/en/?page=1&page=2']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
    }
    expect((await get(`/en/search?q=${'x'.repeat(300)}`)).statusCode).toBe(400);
  });

  it('escapes what a reader types into search', async () => {
    const response = await get('/en/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('<script>alert(1)</script>');
    expect(response.body).toContain('&lt;script>alert(1)&lt;/script>');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('searches a service in its language and shows marked, escaped snippets with its filters', async () => {
    const russian = await get(`/ru/search?q=${encodeURIComponent('снегопады Москвы')}`);
    expect(russian.statusCode).toBe(200);
    expect(russian.body).toContain('Москву накрыл самый сильный снегопад этой зимы');
    expect(russian.body).toMatch(/<mark>[^<]*(?:снегопад|Москв)[^<]*<\/mark>/u);
    // Typed with Arabic yeh, written with Persian yeh and a ZWNJ.
    const persian = await get(`/fa/search?q=${encodeURIComponent('ايرانيان هفتسين')}`);
    expect(persian.body).toContain('ایرانیان مقیم پراگ با سفره هفت‌سین به استقبال نوروز رفتند');
    expect((await get(`/ky/search?q=${encodeURIComponent('АШУУЛАРДАН')}`)).body).toContain('Бишкек — Ош жолунда кар жаап');
    // Another service's stories are not found there.
    const elsewhere = await get('/ru/search?q=osh');
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.body).toContain('<html lang="ru"');
    expect(elsewhere.body).not.toContain('Osh');

    const filtered = await get('/en/search?q=kyrgyz&section=asia&from=2000-01-01&to=2100-12-31');
    expect(filtered.statusCode).toBe(200);
    expect(filtered.body).toMatch(/<option value="asia" selected[=>\s]/);
    expect(filtered.body).toContain('value="2000-01-01"');
    for (const url of ['/en/search?q=kyrgyz&from=yesterday', '/en/search?q=kyrgyz&to=2026-13-01', '/en/search?q=kyrgyz&section=nowhere']) {
      expect((await get(url)).statusCode, url).toBe(400);
    }
    for (const q of ["' OR 1=1 --", '"', '-', 'NEAR(a b)', '*', '%']) {
      const response = await get(`/en/search?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, q).toBe(200);
      expect(response.body, q).not.toContain('<ol class="story-list search-results">');
    }
  });

  it('serves media with ranges and a year-long cache', async () => {
    const response = await get('/media/demo/bishkek-day-after.mp4', { range: 'bytes=0-99' });
    expect(response.statusCode).toBe(206);
    expect(response.headers['content-type']).toBe('video/mp4');
    expect(response.headers['content-length']).toBe('100');
    expect(response.headers['cache-control']).toContain('immutable');
    for (const url of ['/media/..%2f..%2fpackage.json', '/media/demo/..%2f..%2f..%2fpackage.json']) {
      expect((await get(url)).statusCode, url).toBe(403);
    }
  });

  it('answers health and readiness', async () => {
    expect((await get('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await get('/readyz')).json()).toEqual({ status: 'ready' });
  });
});

describe.each(STORE_KINDS)('page cache on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => t.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('serves a page from cache until what it shows changes', async () => {
    expect((await get(STORY)).headers['x-cache']).toBe('MISS');
    const hit = await get(STORY);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.headers['surrogate-key']).toContain('story-1');

    const story = await t.store.read.stories.findById(1);
    if (!story) throw new Error('no reference story');
    await updateStory(t.actions, SYSTEM, 1, {
      serviceCode: story.serviceCode,
      sectionId: story.sectionId,
      slug: story.slug,
      headline: 'Kyrgyz President Refuses To Resign',
      deck: story.deck,
      dateline: story.dateline,
      bylines: story.bylines,
      credits: story.credits,
      body: story.body,
      leadMediaId: story.leadMediaId,
      tagIds: story.tagIds,
      commentsState: story.commentsState,
    });
    await updateLiveStory(t.actions, SYSTEM, 1);
    const changed = await get(STORY);
    expect(changed.headers['x-cache']).toBe('MISS');
    expect(changed.body).toContain('Kyrgyz President Refuses To Resign');
    // The home page lists the story, so it was purged too.
    expect((await get('/en/')).body).toContain('Kyrgyz President Refuses To Resign');
  });

  it('answers a conditional request with 304 and sends compressed bytes', async () => {
    const first = await get('/en/');
    const etag = first.headers.etag as string;
    expect((await get('/en/', { 'if-none-match': etag })).statusCode).toBe(304);
    // Compression happens in the background after the first render.
    await t.pageCache.get('/en/', t.clock.now().getTime())?.compressed;
    const compressed = await t.app.inject({ method: 'GET', url: '/en/', headers: { 'accept-encoding': 'br, gzip' } });
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(compressed.rawPayload).toString('utf8')).toBe(first.body);
  });

  it('shows a new alert on every page of its service at once, and not on others', async () => {
    await get('/ru/');
    await get('/ru/');
    const alert = await createAlert(t.actions, SYSTEM, { serviceCode: 'ru', text: 'Срочно: тестовое сообщение', durationMinutes: 10 });
    const ru = await get('/ru/');
    expect(ru.headers['x-cache']).toBe('MISS');
    expect(ru.body).toContain('Срочно: тестовое сообщение');
    expect((await get('/fa/')).body).not.toContain('Срочно');
    await expireAlert(t.actions, SYSTEM, alert.id);
    expect((await get('/ru/')).body).not.toContain('Срочно');
  });

  it('drops the banner from cached pages when the alert expires by itself', async () => {
    await createAlert(t.actions, SYSTEM, { serviceCode: 'fa', text: 'هشدار آزمایشی', durationMinutes: 5 });
    expect((await get('/fa/')).body).toContain('هشدار آزمایشی');
    expect((await get('/fa/')).headers['x-cache']).toBe('HIT');
    t.clock.advance(5 * 60_000);
    const after = await get('/fa/');
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body).not.toContain('هشدار آزمایشی');
  });

  it('shows a scheduled alert from its start on pages rendered then, though nothing was published at that moment', async () => {
    const startsAt = new Date(t.clock.now().getTime() + 10 * 60_000);
    await createAlert(t.actions, SYSTEM, { serviceCode: 'ky', text: 'Шашылыш кабар', durationMinutes: 30, startsAt });
    // No banner yet (the live region is there, empty, with the label the live island would use).
    expect((await get('/ky/')).body).not.toContain('<aside class="breaking"');
    t.clock.advance(10 * 60_000);
    // A page never rendered before: its masthead (kept in memory per service) must not be the one from before the start.
    const search = await get('/ky/search?q=%D0%B1%D0%B8%D1%88%D0%BA%D0%B5%D0%BA');
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain('<aside class="breaking"');
    expect(search.body).toContain('Шашылыш кабар</p>');
    expect((await get('/ky/')).body).toContain('Шашылыш кабар</p>');
  });

  it('updates the closed notice when the forum reopens, and answers 410 once the story is withdrawn', async () => {
    expect((await get(STORY)).body).toContain('This forum has been closed.');
    await setCommentsState(t.actions, SYSTEM, 1, 'open');
    expect((await get(STORY)).body).not.toContain('This forum has been closed.');
    await unpublishStory(t.actions, SYSTEM, 1);
    const gone = await get(STORY);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('This story is no longer available');
    const list = (await get('/en/')).body.split('class="story-list"')[1] ?? '';
    expect(list).not.toContain(`href="${STORY}"`);
    await publishStory(t.actions, SYSTEM, 1);
    expect((await get(STORY)).statusCode).toBe(200);
  });
});
