import type { Browser, Page } from 'playwright-core';
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
    // Approved, it stays in the queue's "all" view (the last days' visible comments), no longer held.
    await expect.poll(() => item.locator('.meta').nth(3).textContent()).toBe('Visible · Reports: 0');
    await page.getByLabel('Which comments').selectOption('held');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
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

  it('under post-moderation: finds a visible comment, bulk-rejects it, bans its author by browser; a second reader on the same address still posts', async () => {
    const trollContext = await browser.newContext();
    const troll = await trollContext.newPage();
    const post = async (page: Page, name: string, text: string) => {
      await page.goto(`${base}${story}/comments`);
      await page.getByLabel('Your name').fill(name);
      await page.getByLabel('Your comment').fill(text);
      await page.getByRole('button', { name: 'Post comment' }).click();
    };
    await post(troll, 'Troll Tom', 'Everyone here is a fool');
    // Post-moderation: shown at once, no report needed.
    await troll.locator('.comment-list > li').filter({ hasText: 'Everyone here is a fool' }).waitFor();

    const moderatorContext = await browser.newContext();
    const page = await moderatorContext.newPage();
    await signInByKeyboard(page, base, 'moderator@example.org');
    await page.goto(`${base}/newsroom/comments`);
    const item = page.locator('.queued-comment').filter({ hasText: 'Everyone here is a fool' });
    expect(await item.locator('.meta').nth(3).textContent()).toBe('Visible · Reports: 0');

    // Bulk: nothing ticked is refused on the same form, nothing changes.
    await page.getByLabel('Decision on all selected').selectOption('reject');
    await page.getByRole('button', { name: 'Apply to selected' }).click();
    await page.locator('.bulk-moderation [role=alert]').filter({ hasText: 'Choose at least one comment' }).waitFor();
    await item.getByLabel('Select').check();
    expect(await page.getByLabel('Decision on all selected').inputValue()).toBe('reject');
    await page.getByRole('button', { name: 'Apply to selected' }).click();
    await page.getByText('Comments changed: 1.').waitFor();
    expect(await item.count()).toBe(0);

    // Ban its author from the rejected comment: by browser is ticked, the address is not.
    await page.getByRole('link', { name: 'Ban the author, Troll Tom' }).click();
    expect(await page.getByLabel('by browser').isChecked()).toBe(true);
    expect(await page.getByLabel(/by network address/).isChecked()).toBe(false);
    await page.getByLabel(/by network address/).check();
    await page.getByRole('button', { name: 'Ban author' }).click();
    await page.getByRole('alert').filter({ hasText: 'An address ban needs an end' }).waitFor();
    expect(await page.getByLabel(/by network address/).isChecked()).toBe(true);
    expect(await t.store.read.commentRules.listBans('en', { limit: 10, offset: 0 })).toEqual([]);
    await page.getByLabel(/by network address/).uncheck();
    await page.getByRole('button', { name: 'Ban author' }).click();
    await page.getByText('The author is banned.').waitFor();

    await troll.goto(`${base}${story}/comments`);
    expect(await troll.getByText('Everyone here is a fool').count()).toBe(0);
    await post(troll, 'Troll Tom', 'I am back');
    await troll.getByText('You can no longer comment').waitFor();

    // Another reader behind the same address (both come from 127.0.0.1) is not affected.
    const neighbourContext = await browser.newContext();
    const neighbour = await neighbourContext.newPage();
    await post(neighbour, 'Nina Neighbour', 'A calm reply from the same network');
    await neighbour.locator('.comment-list > li').filter({ hasText: 'A calm reply from the same network' }).waitFor();

    await page.getByRole('link', { name: 'Bans of this service' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Troll Tom' });
    expect(await row.getByRole('cell').nth(0).textContent()).toBe('Browser');
    await row.getByRole('button', { name: 'Lift the ban on Troll Tom (Browser)' }).click();
    await page.getByText('The ban is lifted.').waitFor();
    await post(troll, 'Troll Tom', 'Sorry, I will behave');
    await troll.locator('.comment-list > li').filter({ hasText: 'Sorry, I will behave' }).waitFor();
    for (const context of [trollContext, moderatorContext, neighbourContext]) await context.close();
  });
});
