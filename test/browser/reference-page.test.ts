import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { extractText, linesMissingInOrder, normalise } from '../support/page-text.js';

const STORY = '/en/a/kyrgyz-president-wont-back-down-as-opposition-claims-power/1';
const referenceLines = fs
  .readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'seed-article.txt'), 'utf8')
  .split('\n')
  .map(normalise)
  .filter(Boolean)
  // The seed's player time display ("0:00 0:01:24 0:00": position, duration, remaining) reads like
  // debug output; ours shows the same duration as a person reads it, "1:24" (issue 15).
  .map((line) => (line === '0:00 0:01:24 0:00' ? '1:24' : line));

describe('the reference page in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { clock: 'system' });
    base = await listen(t.app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('has every line of the reference article, in the same order', async () => {
    expect(referenceLines.length).toBeGreaterThan(50);
    const page = await browser.newPage();
    const response = await page.goto(base + STORY);
    expect(response?.status()).toBe(200);
    const text = await extractText(page);
    expect(linesMissingInOrder(text, referenceLines)).toEqual([]);
    await page.close();
  });

  it('has every line without JavaScript too', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(base + STORY);
    expect(linesMissingInOrder(await extractText(page), referenceLines)).toEqual([]);
    await context.close();
  });

  it('lets a keyboard user skip to the main content: Tab, Enter, focus in main', async () => {
    const page = await browser.newPage();
    await page.goto(base + STORY);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    // Hidden until focused, then visible.
    const box = await skip.boundingBox();
    expect(box && box.width > 20 && box.height > 10).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('main')?.id ?? null)).toBe('main-content');
    expect(page.url()).toBe(`${base}${STORY}#main-content`);
    await page.close();
  });

  it('lets a keyboard user skip to the search field', async () => {
    const page = await browser.newPage();
    await page.goto(base + STORY);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to search');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-q');
    await page.keyboard.type('osh');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/en\/search\?q=osh/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Results for “osh”');
    await page.close();
  });

  it('shows the breaking-news banner and links it to its story', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/en/`);
    const banner = page.getByRole('complementary', { name: 'Breaking News' });
    await expect.poll(() => banner.isVisible()).toBe(true);
    await banner.getByRole('link').click();
    await page.waitForURL(`${base}${STORY}`);
    await page.close();
  });

  it('offers the video to watch and a direct link to download it', async () => {
    const page = await browser.newPage();
    await page.goto(base + STORY);
    const lead = page.locator('figure.media-lead');
    // "Direct link" is a menu that opens without JavaScript (details/summary).
    await lead.getByText('Direct link', { exact: true }).click();
    const link = lead.getByRole('list', { name: 'Direct link' }).getByRole('link');
    await expect(link.textContent()).resolves.toMatch(/^MP4 .+ · [\d.,]+ (KB|MB)$/);
    const href = await link.getAttribute('href');
    expect(href).toBe('/media/demo/bishkek-day-after.mp4');
    const download = await page.request.get(base + href);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('video/mp4');
    expect((await download.body()).length).toBe(fs.statSync(path.join(t.mediaDir, 'demo', 'bishkek-day-after.mp4')).size);
    // The player's status for a playable video: "No media source" is kept in the markup but hidden.
    await expect.poll(() => lead.getByText('No media source currently available').isVisible()).toBe(false);
    await page.close();
  });

  it('lays out a right-to-left service from the right', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    await page.goto(`${base}/fa/`);
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
    const heading = page.getByRole('heading', { level: 1 });
    const box = await heading.boundingBox();
    // An h1 in a 46rem column starts at the right edge of the column in RTL.
    const mainBox = await page.locator('main').boundingBox();
    expect(box && mainBox && Math.abs(box.x + box.width - (mainBox.x + mainBox.width - 16)) < 2).toBe(true);
    await page.close();
  });

  it('leads the home page with a story and its picture, then the latest as cards, grouped by section', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}/en/`);
    const lead = page.locator('.front-lead');
    await expect(lead.getByRole('heading', { level: 2 }).getByRole('link').getAttribute('href')).resolves.toBe(STORY);
    const image = lead.locator('img');
    await expect(image.getAttribute('width')).resolves.toMatch(/^\d+$/);
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(page.getByRole('region', { name: 'Latest' }).getByRole('heading', { level: 3 }).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('link', { name: 'Home' }).getAttribute('aria-current')).resolves.toBe('page');
    await page.close();
  });

  it('puts the first headline well above the fold on a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${base}/en/`);
    const box = await page.locator('.front-lead h2').boundingBox();
    expect(box?.y).toBeLessThan(520);
    await page.close();
  });

  it('shows the player finished: a play button with the duration, no "please wait" until asked, the running time once playing', async () => {
    const page = await browser.newPage();
    await page.goto(base + STORY);
    const lead = page.locator('figure.media-lead');
    const play = lead.getByRole('button', { name: 'Play: Bishkek - A Day After The Deadly Protests' });
    await expect.poll(() => play.isVisible()).toBe(true);
    await expect(play.textContent()).resolves.toContain('1:24');
    await expect(lead.locator('.player-time').textContent()).resolves.toBe('Duration: 1:24');
    await page.waitForTimeout(1500);
    await expect(lead.getByText('please wait').isVisible()).resolves.toBe(false);
    await expect(lead.getByRole('status').textContent()).resolves.toBe('');
    await page.evaluate(() => {
      const video = document.querySelector<HTMLVideoElement>('figure.media-lead video');
      if (video) video.muted = true;
    });
    await play.click();
    await expect.poll(() => play.isVisible()).toBe(false);
    await expect.poll(() => lead.locator('.player-time').textContent(), { timeout: 10_000 }).toMatch(/^Duration: \d+:\d\d \/ 1:2\d$/);
    // The audio player has one time display.
    await expect(page.locator('figure.media-audio .player-time').count()).resolves.toBeLessThanOrEqual(1);
    await page.close();
  });

  it('says how long ago the story was published, in the page language, beside the absolute time', async () => {
    const page = await browser.newPage();
    await page.goto(base + STORY);
    await expect.poll(() => page.locator('.story-time .relative-time').first().textContent()).toMatch(/ago$|^now$/);
    await expect(page.locator('.story-time time').first().textContent()).resolves.toMatch(/UTC$/);
    const persian = await browser.newPage();
    await persian.goto(`${base}/fa/`);
    const href = await persian.locator('.front-lead h2 a').getAttribute('href');
    await persian.goto(base + href);
    await expect.poll(() => persian.locator('.story-time .relative-time').first().textContent()).toMatch(/پیش|اکنون/);
    await page.close();
    await persian.close();
  });

  it('passes the checks a Lighthouse run would make: no console errors, every asset compressed, every image sized', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const uncompressed: string[] = [];
    page.on('response', (response) => {
      // The live stream (Server-Sent Events) is not a resource Lighthouse's compression audit weighs:
      // a few hundred bytes a message, each flushed as it happens.
      if (response.request().resourceType() === 'eventsource') return;
      const type = response.headers()['content-type'] ?? '';
      if (/^(text\/|application\/(javascript|json|manifest))/.test(type) && response.status() === 200 && !response.headers()['content-encoding']) {
        uncompressed.push(response.url());
      }
    });
    await page.goto(base + STORY, { waitUntil: 'networkidle' });
    expect(errors).toEqual([]);
    expect(uncompressed).toEqual([]);
    const unsized = await page.evaluate(() => [...document.images].filter((img) => !img.getAttribute('width') || !img.getAttribute('height')).map((img) => img.src));
    expect(unsized).toEqual([]);
    await page.close();
  });
});
