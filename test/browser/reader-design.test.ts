import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';

const STORY = '/en/a/kyrgyz-president-wont-back-down-as-opposition-claims-power/1';

/** The fonts Chromium drew an element's text with (family and glyph count), as the DevTools "Rendered fonts" pane shows them. */
async function renderedFonts(page: Page, selector: string): Promise<{ familyName: string; glyphCount: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((f) => ({ familyName: f.familyName, glyphCount: f.glyphCount }));
}

describe('the reader design in Chromium: structure a reader sees', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { clock: 'system' });
    base = await listen(t.app);
    browser = await launchChromium();
    // Reads through the beacon before the home page is first drawn: the Osh story twice, the reference story once.
    const osh = (await t.store.read.stories.listPublished({ serviceCode: 'en', now: new Date(), limit: 20, offset: 0 })).find((s) => s.headline.includes('Osh'));
    for (const id of [osh?.id, osh?.id, 1]) await fetch(`${base}/en/read/${id}`);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('leads the home page with a story and its picture, and lists the most read, most first', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}/en/`);
    const lead = page.getByRole('region', { name: 'Top stories' });
    await expect(lead.getByRole('heading', { level: 2 }).getByRole('link').getAttribute('href')).resolves.toBe(STORY);
    await expect.poll(() => lead.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const mostRead = page.getByRole('region', { name: 'Most read' }).getByRole('listitem');
    await expect(mostRead.allTextContents()).resolves.toEqual(['Southern Kyrgyz City Of Osh Stays Calm As Markets Reopen', "Kyrgyz President Won't Back Down, As Opposition Claims Power"]);
    await page.close();
  });

  it('shows each story on a section page with its time and, where it has one, its picture, sized and loaded', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${base}/en/s/asia`);
    const items = page.locator('main .story-list > li');
    await expect(items.count()).resolves.toBeGreaterThan(1);
    const first = items.first();
    await expect(first.getByRole('heading', { level: 2 }).textContent()).resolves.toContain('Kyrgyz President');
    await expect(first.locator('time').getAttribute('datetime')).resolves.toMatch(/^\d{4}-\d\d-\d\dT/);
    await expect(first.locator('time').textContent()).resolves.toMatch(/\d:\d\d/);
    const image = first.locator('img');
    await expect(image.getAttribute('width')).resolves.toMatch(/^\d+$/);
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    // Beside the headline on a phone, not a screen-wide picture pushing the next story down.
    const box = await image.boundingBox();
    expect(box?.width).toBeLessThan(160);
    await page.close();
  });

  it('ends a story with related stories, more from its section and share links that load nothing from elsewhere', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(base) && !request.url().startsWith('data:')) elsewhere.push(request.url());
    });
    await page.goto(base + STORY, { waitUntil: 'networkidle' });
    const related = page.getByRole('region', { name: 'Related stories' });
    await expect(related.getByRole('link').allTextContents()).resolves.toContain('OSCE And UN To Send Envoys To Kyrgyzstan');
    const more = page.getByRole('region', { name: 'More from Asia' });
    await expect(more.getByRole('link', { name: 'Southern Kyrgyz City Of Osh Stays Calm As Markets Reopen' }).count()).resolves.toBe(1);
    const share = page.getByRole('navigation', { name: 'Share this story' }).getByRole('link');
    await expect(share.allTextContents()).resolves.toEqual(['Link to this story', 'Email', 'Telegram', 'WhatsApp', 'X', 'Facebook']);
    const hrefs = await share.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs[1]).toMatch(/^mailto:\?subject=/);
    for (const href of hrefs.slice(2)) expect(href).toContain(encodeURIComponent(`http://localhost:3000${STORY}`));
    expect(elsewhere).toEqual([]);
    await page.close();
  });

  it('copies the story\'s address from "Link to this story", and says so once', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const page = await context.newPage();
    await page.goto(base + STORY);
    const share = page.getByRole('navigation', { name: 'Share this story' });
    await expect(share.getByRole('status').textContent()).resolves.toBe('');
    await share.getByRole('link', { name: 'Link to this story' }).click();
    await expect.poll(() => share.getByRole('status').textContent()).toBe('Link copied');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(`http://localhost:3000${STORY}`);
    expect(page.url()).toBe(base + STORY);
    await context.close();
  });

  it('gives every share link and comment action a 44 px target, and the author before the quiet time in a comment', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${base}${STORY}/comments`);
    const comment = page.locator('.comment').first();
    const [author, time] = await Promise.all([comment.locator('.comment-meta strong'), comment.locator('.comment-meta time')].map((l) => l.evaluate((el) => ({ x: el.getBoundingClientRect().x, size: parseFloat(getComputedStyle(el).fontSize), weight: Number(getComputedStyle(el).fontWeight) }))));
    expect(author && time && author.x < time.x).toBe(true);
    expect(author && time && author.size > time.size && author.weight > time.weight).toBe(true);
    const heights = await page.locator('.comment-actions a, .comment-actions button').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(0);
    for (const height of heights) expect(height).toBeGreaterThanOrEqual(44);
    await page.goto(base + STORY);
    const shareHeights = await page.locator('.share a').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    for (const height of shareHeights) expect(height).toBeGreaterThanOrEqual(44);
    await page.close();
  });

  it('prints the story alone: no navigation, share links, related stories, comments link or footer', async () => {
    const page = await browser.newPage();
    await page.goto(base + STORY);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.masthead nav', '.share', '.story-links', '.story-comments', '.site-footer', '.breaking']) {
      await expect(page.locator(selector).first().isVisible(), selector).resolves.toBe(false);
    }
    await expect(page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
    await expect(page.locator('.story-body p').first().isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('draws Kyrgyz text, ң ө ү included, in the font the page asks for: no glyph falls back to another', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/ky/`);
    const href = await page.locator('.front-lead h2 a').getAttribute('href');
    await page.goto(base + href);
    await page.evaluate(() => document.fonts.ready);
    // A paragraph of text alone (the first one starts with the dateline, set in the interface face).
    await page.evaluate(() => {
      const plain = [...document.querySelectorAll('.story-body p')].find((p) => p.children.length === 0 && /[ңөү]/.test(p.textContent ?? ''));
      plain?.setAttribute('data-probe', '');
    });
    for (const selector of ['h1', '.story-body p[data-probe]']) {
      const text = (await page.locator(selector).first().textContent()) ?? '';
      expect(text, selector).toMatch(/[ңөү]/);
      const stack = await page.locator(selector).first().evaluate((el) => getComputedStyle(el).fontFamily);
      const fonts = await renderedFonts(page, selector);
      expect(fonts, `${selector}: ${JSON.stringify(fonts)} for ${stack}`).toHaveLength(1);
      expect(stack.toLowerCase(), selector).toContain((fonts[0]?.familyName ?? '?').toLowerCase());
    }
    await page.close();
  });

  it('draws Persian text in the self-hosted Vazirmatn', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/fa/`);
    const href = await page.locator('.front-lead h2 a').getAttribute('href');
    await page.goto(base + href);
    await page.evaluate(() => document.fonts.ready);
    const fonts = await renderedFonts(page, 'h1');
    const vazirmatn = fonts.find((f) => f.familyName === 'Vazirmatn');
    expect(vazirmatn?.glyphCount).toBeGreaterThan(0);
    // Only the spaces between words come from elsewhere (the subset holds the script, not U+0020).
    for (const other of fonts.filter((f) => f.familyName !== 'Vazirmatn')) expect(other.glyphCount).toBeLessThan(vazirmatn?.glyphCount ?? 0);
    await page.close();
  });
});
