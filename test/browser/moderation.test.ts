import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { GENEROUS_LIMITS } from '../support/comments.js';
import { givenPublishedStory, givenService } from '../support/factories.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { givenUser, signInByKeyboard } from '../support/newsroom.js';

describe('moderating comments in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let story: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { demo: false, rateLimits: GENEROUS_LIMITS, workMaxNumber: 2_000 });
    await givenService(t.actions);
    await givenService(t.actions, 'ru');
    const storyId = await givenPublishedStory(t.actions, { headline: 'Dam Opens Floodgates' });
    story = `/en/a/dam-opens-floodgates/${storyId}`;
    await givenUser(t.actions, 'moderator', [{ role: 'moderator', serviceCode: 'en' }], { withPassword: true });
    base = await listen(t.app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });


  it('a comment posted without JavaScript is held; a moderator approves it with the keyboard and readers see it counted', async () => {
    const readerContext = await browser.newContext({ javaScriptEnabled: false });
    const reader = await readerContext.newPage();
    await reader.goto(`${base}${story}/comments`);
    await reader.getByLabel('Your name').fill('Plain Reader');
    await reader.getByLabel('Your comment').fill('Held <b>until</b> a moderator looks');
    await reader.getByRole('button', { name: 'Post comment' }).click();
    await reader.getByText('Your comment is waiting for a moderator').waitFor();
    await reader.goto(base + story);
    await reader.getByRole('link', { name: 'See comments (0)' }).waitFor();

    const moderatorContext = await browser.newContext({ javaScriptEnabled: false });
    const page = await moderatorContext.newPage();
    await signInByKeyboard(page, base, 'moderator@example.org');
    await page.getByRole('navigation', { name: 'Newsroom sections' }).getByRole('link', { name: 'Comments' }).click();
    await page.waitForURL(`${base}/newsroom/comments`);
    const item = page.locator('.queued-comment').filter({ hasText: 'Plain Reader' });
    await item.waitFor();
    // Shown as text, never as markup.
    expect(await item.locator('blockquote').textContent()).toBe('Held <b>until</b> a moderator looks');
    expect(await item.locator('blockquote b').count()).toBe(0);
    expect(await item.getByRole('link', { name: 'Dam Opens Floodgates' }).count()).toBe(1);
    expect(await item.getByText('Held for moderation').count()).toBe(1);
    // Moderators see no settings form: that is for editors.
    expect(await page.getByRole('button', { name: 'Save settings' }).count()).toBe(0);

    await item.getByRole('button', { name: 'Approve' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('No comments are waiting.').waitFor();

    await reader.goto(`${base}${story}/comments`);
    await reader.locator('.comment-list > li').filter({ hasText: 'Held <b>until</b> a moderator looks' }).waitFor();
    await reader.goto(base + story);
    await reader.getByRole('link', { name: 'See comments (1)' }).waitFor();
    const audit = await t.store.read.audit.list(10, 0);
    expect(audit.map((e) => e.action)).toContain('comment.approve');
    await readerContext.close();
    await moderatorContext.close();
  });
});
