import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory } from '../../src/actions/stories/create-story.js';
import { updateStory } from '../../src/actions/stories/update-story.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { violations, violationsHere } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { givenPublishedStory, givenService, storyInput, SYSTEM } from '../support/factories.js';
import { API, givenUser, signInAs, signInByKeyboard } from '../support/newsroom.js';
import { newsroomBrowser, NuPages, type NewsroomBrowser } from '../support/newsroom-quality.js';

/**
 * A desk's day in Chromium: an edit of a live story waits for Update, and a scheduled story
 * shows its time and reaches readers within 2 s of it. On the real clock (the scheduler's timer).
 */
describe('pending versions and scheduling in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let editor: Awaited<ReturnType<typeof givenUser>>;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { demo: false, clock: 'system' });
    await givenService(t.actions);
    editor = await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
    base = await listen(t.app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const signedIn = async (): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInByKeyboard(page, base, 'editor@example.org');
    return { context, page };
  };

  it('keeps an editor’s edit of a published story off the reader page until Update', { timeout: 60_000 }, async () => {
    const id = await givenPublishedStory(t.actions, { headline: 'Dam Holds After Storm', slug: 'dam-holds' });
    const { context, page } = await signedIn();
    const reader = await context.newPage();
    await page.goto(`${base}/newsroom/stories/${id}`);
    expect(await page.locator('#pending-state').textContent()).toContain('This story is live');

    const headline = page.getByLabel('Headline');
    await headline.fill('Dam Breaks After Storm');
    await headline.blur();
    // Autosave: the change is saved, as unpublished changes.
    await page.locator('#autosave-status', { hasText: 'Saved' }).waitFor({ timeout: 10_000 }).catch(async (error: unknown) => {
      throw new Error(`autosave: ${await page.locator('#autosave-status').textContent()} (${String(error)})`);
    });
    await page.locator('#pending-flag').waitFor({ state: 'visible', timeout: 5_000 });

    await reader.goto(`${base}/en/a/dam-holds/${id}`);
    expect(await reader.locator('h1').textContent()).toBe('Dam Holds After Storm');

    // Reloaded, the editor shows the pending text and the difference from the live version.
    await page.reload();
    expect(await page.getByLabel('Headline').inputValue()).toBe('Dam Breaks After Storm');
    expect(await page.locator('#pending-state del').first().textContent()).toBe('Dam Holds After Storm');
    expect(await page.locator('#pending-state ins').first().textContent()).toBe('Dam Breaks After Storm');
    await reader.reload();
    expect(await reader.locator('h1').textContent()).toBe('Dam Holds After Storm');

    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save and update the live story' }).click()]);
    await page.locator('#pending-state', { hasText: 'This story is live' }).waitFor({ timeout: 5_000 }).catch(async () => {
      throw new Error(`after Update: ${page.url()} ${(await page.locator('main').textContent())?.slice(0, 400)}`);
    });
    await reader.goto(`${base}/en/a/dam-holds/${id}`);
    expect(await reader.locator('h1').textContent()).toBe('Dam Breaks After Storm');
    await context.close();
  });

  it('shows a scheduled story’s time in the list and the editor, and puts it on the reader site within 2 s of that time', { timeout: 60_000 }, async () => {
    const id = await createStory(t.actions, SYSTEM, storyInput({ headline: 'Embargoed Budget Figures', slug: 'embargoed-budget' }));
    const at = new Date(Math.ceil((Date.now() + 6_000) / 1000) * 1000);
    const scheduled = await t.app.inject({ method: 'POST', url: `${API}/stories/${id}/publish`, headers: editor.bearer, payload: { at: at.toISOString() } });
    expect(scheduled.json().status).toBe('scheduled');
    const { context, page } = await signedIn();

    await page.goto(`${base}/newsroom/stories?status=scheduled`);
    const row = page.locator('.story-list li', { hasText: 'Embargoed Budget Figures' });
    expect(await row.locator('.story-scheduled time').getAttribute('datetime')).toBe(at.toISOString());
    await page.goto(`${base}/newsroom/stories/${id}`);
    expect(await page.locator('#scheduled-at time').getAttribute('datetime')).toBe(at.toISOString());
    expect(await page.locator('#scheduled-at').textContent()).toContain('(UTC)');

    const reader = await context.newPage();
    const url = `${base}/en/a/embargoed-budget/${id}`;
    expect((await reader.goto(url))?.status()).toBe(404);
    let shownAt = 0;
    for (;;) {
      const response = await reader.goto(url);
      if (response?.status() === 200) {
        shownAt = Date.now();
        break;
      }
      if (Date.now() > at.getTime() + 5_000) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(shownAt, 'the story never appeared').toBeGreaterThan(0);
    // Not before its time (an early story would otherwise pass), and within 2 s of it.
    expect(shownAt - at.getTime(), 'ms after its time').toBeGreaterThanOrEqual(0);
    expect(shownAt - at.getTime()).toBeLessThan(2_000);
    expect(await reader.locator('h1').textContent()).toBe('Embargoed Budget Figures');
    await context.close();
  });
});

describe('the pending-version, schedule and time zone pages: valid HTML (Nu checker) and accessible (axe)', () => {
  let t: TestApp;
  let base: string;
  let chromium: NewsroomBrowser;
  let page: Page;
  let session: Awaited<ReturnType<typeof signInAs>>;
  let urls: string[];

  beforeAll(async () => {
    t = await startTestApp('sqlite', { demo: false });
    await givenService(t.actions);
    await givenService(t.actions, 'fa', 'rtl');
    await givenUser(t.actions, 'editor', [{ role: 'admin', serviceCode: null }], { withPassword: true });
    session = await signInAs(t, 'editor@example.org');
    const live = await givenPublishedStory(t.actions, { slug: 'live' });
    await updateStory(t.actions, SYSTEM, live, storyInput({ slug: 'live', headline: 'A Pending Headline' }));
    const liveFa = await givenPublishedStory(t.actions, { serviceCode: 'fa', slug: 'fa-live', headline: 'بودجه تصویب شد' });
    await updateStory(t.actions, SYSTEM, liveFa, storyInput({ serviceCode: 'fa', slug: 'fa-live', headline: 'بودجه با تغییرات تصویب شد' }));
    const scheduled = await createStory(t.actions, SYSTEM, storyInput({ slug: 'later' }));
    await t.app.inject({ method: 'POST', url: `${API}/stories/${scheduled}/publish`, headers: session.headers, payload: { at: new Date(t.clock.now().getTime() + 3 * 3600_000).toISOString() } });
    await t.app.inject({ method: 'POST', url: `${API}/stories/${live}/update`, headers: session.headers, payload: { at: new Date(t.clock.now().getTime() + 26 * 3600_000).toISOString() } });
    const draft = await createStory(t.actions, SYSTEM, storyInput({ slug: 'draft' }));
    urls = [`/newsroom/stories/${live}`, `/newsroom/stories/${liveFa}`, `/newsroom/stories/${scheduled}`, `/newsroom/stories/${draft}`, '/newsroom/upcoming', '/newsroom/stories?status=scheduled', '/newsroom/account'];
    base = await listen(t.app);
    chromium = await newsroomBrowser(base, session.cookie);
    page = chromium.page;
  });
  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  const post = (url: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrfToken, ...fields }).toString(),
    });

  it('has no HTML errors on any page, refused forms included', async () => {
    const nu = new NuPages();
    const save = (label: string, body: string) => nu.add(label, body);
    await nu.addPages(t.app, session.cookie, urls);
    const draftId = urls[3]!.split('/').pop()!;
    const past = await post(`/newsroom/stories/${draftId}/publish`, { date: '2020-01-01', time: '10:00' });
    expect(past.statusCode).toBe(400);
    save('schedule in the past', past.body);
    const zone = await post('/newsroom/account/time-zone', { timeZone: 'Nowhere/Atlantis' });
    expect(zone.statusCode).toBe(400);
    save('unknown zone', zone.body);

    expect(await nu.errors()).toEqual([]);
  });

  it('has no axe violations on any page, nor on a refused schedule', async () => {
    const found: string[] = [];
    for (const url of urls) {
      for (const line of await violations(page, base + url, 200)) found.push(`${url}\n  ${line}`);
      expect(page.url(), 'still signed in').toBe(base + url);
    }
    await page.goto(base + urls[3]!);
    await page.locator('#schedule-date').fill('2020-01-01');
    await page.locator('#schedule-time').fill('10:00');
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await page.locator('#schedule-error').waitFor();
    expect(await page.locator('#schedule-date').inputValue()).toBe('2020-01-01');
    for (const line of await violationsHere(page)) found.push(`refused schedule\n  ${line}`);
    expect(found).toEqual([]);
  });
});
