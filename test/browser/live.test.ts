import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { launchChromium } from '../support/browser.js';
import { givenPublishedStory, givenService } from '../support/factories.js';
import { API, givenUser } from '../support/newsroom.js';

/** The product's bar for an alert to reach open pages, with room for a loaded machine. */
const WITHIN_MS = 5_000;

describe('breaking alerts on an open page in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let story: string;
  let editor: Awaited<ReturnType<typeof givenUser>>;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { demo: false });
    await givenService(t.actions);
    editor = await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }]);
    const id = await givenPublishedStory(t.actions, { headline: 'Parliament Meets', slug: 'parliament-meets' });
    story = `/en/a/parliament-meets/${id}`;
    base = await listen(t.app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const banner = (page: Page) => page.getByRole('complementary', { name: 'Breaking News' });
  const region = (page: Page) => page.locator('[aria-live="polite"]');

  async function sendAlert(text: string): Promise<number> {
    const response = await t.app.inject({
      method: 'POST',
      url: `${API}/alerts`,
      headers: editor.bearer,
      payload: { serviceCode: 'en', text, durationMinutes: 30 },
    });
    expect(response.statusCode).toBe(201);
    return (response.json() as { id: number }).id;
  }
  async function expire(id: number): Promise<void> {
    const response = await t.app.inject({ method: 'POST', url: `${API}/alerts/${id}/expire`, headers: editor.bearer, payload: {} });
    expect(response.statusCode).toBe(200);
  }
  /** The stream is open: the island has had the current state from it. */
  const streaming = () => expect.poll(() => t.liveStreams.size, { timeout: WITHIN_MS }).toBeGreaterThan(0);

  it('shows an alert sent through the Admin API without reload, in a polite live region, and takes it down when it ends', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(base + story);
    await streaming();
    expect(await banner(page).count()).toBe(0);
    let navigations = 0;
    page.on('framenavigated', () => (navigations += 1));

    const id = await sendAlert('Troops leave the capital');
    await expect.poll(() => banner(page).textContent(), { timeout: WITHIN_MS }).toContain('Troops leave the capital');
    // Inside the polite live region, so screen readers announce it without interrupting.
    expect(await region(page).getByRole('complementary', { name: 'Breaking News' }).count()).toBe(1);

    await expire(id);
    await expect.poll(() => banner(page).count(), { timeout: WITHIN_MS }).toBe(0);
    expect(navigations).toBe(0);
    expect(errors, errors.join("\n")).toEqual([]);
    await page.close();
  });

  it('after the stream is cut and restored, shows what changed meanwhile, once', async () => {
    const page = await browser.newPage();
    await page.goto(base + story);
    await streaming();
    const first = await sendAlert('Curfew announced');
    await expect.poll(() => banner(page).textContent(), { timeout: WITHIN_MS }).toContain('Curfew announced');

    // The server drops every stream, as a restart would; meanwhile the alert changes.
    t.liveStreams.disconnectAll();
    await expire(first);
    await sendAlert('Curfew lifted');
    // The browser reconnects by itself and is told the current state.
    await expect.poll(() => banner(page).textContent(), { timeout: WITHIN_MS }).toContain('Curfew lifted');
    expect(await banner(page).count()).toBe(1);
    expect(await page.getByText('Curfew announced').count()).toBe(0);
    await page.close();
  });

  it('shows the live alert on a page loaded with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(base + story);
    await expect.poll(() => banner(page).textContent()).toContain('Curfew lifted');
    await context.close();
  });

  it('shows new live entries in order without reload, and an edit, once each', async () => {
    const id = await givenPublishedStory(t.actions, { headline: 'Count Goes On', slug: 'count-goes-on' });
    const live = await t.app.inject({ method: 'PUT', url: `${API}/stories/${id}/live`, headers: editor.bearer, payload: { live: true } });
    expect(live.statusCode).toBe(200);
    const postEntry = async (words: string) => {
      t.clock.advance(60_000);
      const response = await t.app.inject({
        method: 'POST',
        url: `${API}/stories/${id}/live/entries`,
        headers: editor.bearer,
        payload: { body: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }] },
      });
      expect(response.statusCode).toBe(201);
      return (response.json() as { id: number }).id;
    };
    await postEntry('Counting starts.');
    const page = await browser.newPage();
    await page.goto(`${base}/en/a/count-goes-on/${id}`);
    await streaming();
    const entries = () => page.locator('.live-entries > li').allTextContents();

    await postEntry('A third of the ballots counted.');
    const latest = await postEntry('Half of the ballots counted.');
    await expect
      .poll(async () => (await entries()).map((text) => text.replace(/^.*?(Counting|A third|Half)/, '$1')), { timeout: WITHIN_MS })
      .toEqual(['Half of the ballots counted.', 'A third of the ballots counted.', 'Counting starts.']);

    const edited = await t.app.inject({
      method: 'PUT',
      url: `${API}/stories/${id}/live/entries/${latest}`,
      headers: editor.bearer,
      payload: { body: [{ type: 'paragraph', content: [{ type: 'text', text: 'Half of the ballots counted, turnout 61%.' }] }], version: 1 },
    });
    expect(edited.statusCode).toBe(200);
    await expect.poll(async () => (await entries())[0], { timeout: WITHIN_MS }).toContain('turnout 61%');
    expect(await entries()).toHaveLength(3);

    // The stream is cut (a restart, a proxy); entries are posted meanwhile; the browser reconnects with
    // its Last-Event-ID and shows each of them once, in order.
    t.liveStreams.disconnectAll();
    await postEntry('Two thirds counted.');
    await postEntry('All ballots counted.');
    await expect
      .poll(async () => (await entries()).map((text) => text.replace(/^.*?(Counting|A third|Half|Two thirds|All)/, '$1')), { timeout: WITHIN_MS })
      .toEqual(['All ballots counted.', 'Two thirds counted.', 'Half of the ballots counted, turnout 61%.', 'A third of the ballots counted.', 'Counting starts.']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await entries()).toHaveLength(5);
    await page.close();

    // An entry posted after the page was served and before its stream opened is shown too.
    const late = await browser.newPage();
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await late.route('**/en/live*', async (route) => {
      await held;
      await route.continue();
    });
    await late.goto(`${base}/en/a/count-goes-on/${id}`);
    await postEntry('Recount ordered.');
    release();
    await expect
      .poll(async () => (await late.locator('.live-entries > li').allTextContents()).some((text) => text.includes('Recount ordered.')), { timeout: WITHIN_MS })
      .toBe(true);
    expect(await late.locator('.live-entries > li').count()).toBe(6);
    await late.close();
  });

  it('offers breaking alerts as notifications, saying what is sent, only where the browser can take them', async () => {
    const page = await browser.newPage();
    await page.goto(base + story);
    const offer = page.getByRole('contentinfo').getByRole('button', { name: 'Turn on alerts' });
    await expect.poll(() => offer.isVisible(), { timeout: WITHIN_MS }).toBe(true);
    expect(await page.getByRole('contentinfo').textContent()).toContain('Only the alert’s text and link are sent; nothing about you is collected.');
    await page.close();

    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(base + story);
    expect(await plain.getByRole('button', { name: 'Turn on alerts' }).count()).toBe(0);
    await context.close();
  });
});
