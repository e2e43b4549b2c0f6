import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postLiveEntry } from '../../src/actions/live/live-entries.js';
import { setStoryLive } from '../../src/actions/live/set-story-live.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { launchChromium } from '../support/browser.js';
import { givenPublishedStory, givenService, SYSTEM } from '../support/factories.js';
import { givenMediaItem } from '../support/media.js';
import { givenUser, signInAs } from '../support/newsroom.js';

describe('editing a live entry with the rich editor in Chromium', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let storyId: number;
  let mediaId: number;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { demo: false });
    await givenService(t.actions);
    await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
    const session = await signInAs(t, 'editor@example.org');
    storyId = await givenPublishedStory(t.actions, { headline: 'Election Night', slug: 'election-night' });
    mediaId = (await givenMediaItem(t.actions, { title: 'Queue at the polls', kind: 'image' })).id;
    await setStoryLive(t.actions, SYSTEM, storyId, true);
    base = await listen(t.app);
    browser = await launchChromium();
    context = await browser.newContext();
    const [name, value] = session.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: base }]);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  it('an entry with bold text and a picture is edited in the editor: its text changes, the picture and marks stay, the old text is a revision', { timeout: 60_000 }, async () => {
    const entry = await postLiveEntry(t.actions, SYSTEM, storyId, {
      body: [{ type: 'paragraph', content: [{ type: 'text', text: 'Turnout is ' }, { type: 'text', text: 'high', marks: ['bold'] }] }, { type: 'media', mediaId }],
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) problems.push(message.text());
    });
    await page.goto(`${base}/newsroom/stories/${storyId}/live/entries/${entry.id}`);

    const text = page.getByRole('textbox', { name: 'Entry', exact: true });
    await text.waitFor();
    // The editor took the plain note's place, and shows the picture as a card.
    expect(await page.locator('#body-plain').isHidden()).toBe(true);
    expect(await text.textContent()).toContain('Queue at the polls');
    expect(await text.locator('strong').textContent()).toBe('high');

    await text.getByText('Turnout is').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' in the north');
    await page.getByRole('checkbox', { name: 'Key event' }).check();
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.waitForURL(`${base}/newsroom/stories/${storyId}/live`);

    const saved = (await t.store.read.liveEntries.find(entry.id))!;
    expect(saved).toMatchObject({ keyEvent: true, version: 2 });
    expect(saved.body).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Turnout is ' },
          { type: 'text', text: 'high in the north', marks: ['bold'] },
        ],
      },
      { type: 'media', mediaId },
    ]);
    const revisions = await t.store.read.liveEntries.revisions(entry.id, 10);
    expect(revisions.map((r) => r.kind)).toEqual(['post', 'edit']);
    expect(revisions[0]!.body[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Turnout is ' }, { type: 'text', text: 'high', marks: ['bold'] }] });
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  });

  it('a plain entry is edited in the editor too, and without JavaScript in the plain field', { timeout: 60_000 }, async () => {
    const entry = await postLiveEntry(t.actions, SYSTEM, storyId, { body: [{ type: 'paragraph', content: [{ type: 'text', text: 'Polls close.' }] }] });
    const page = await context.newPage();
    await page.goto(`${base}/newsroom/stories/${storyId}/live/entries/${entry.id}`);
    const text = page.getByRole('textbox', { name: 'Entry', exact: true });
    await text.getByText('Polls close.').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Control+b');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.waitForURL(`${base}/newsroom/stories/${storyId}/live`);
    expect((await t.store.read.liveEntries.find(entry.id))!.body).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'Polls close.', marks: ['bold'] }] }]);
    await page.close();

    const plainEntry = await postLiveEntry(t.actions, SYSTEM, storyId, { body: [{ type: 'paragraph', content: [{ type: 'text', text: 'Counting starts.' }] }] });
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const cookies = await context.cookies();
    await noScript.addCookies(cookies);
    const plain = await noScript.newPage();
    await plain.goto(`${base}/newsroom/stories/${storyId}/live/entries/${plainEntry.id}`);
    await plain.getByLabel('Entry', { exact: true }).fill('Counting started at 9 pm.');
    await plain.getByRole('button', { name: 'Save entry' }).click();
    await plain.waitForURL(`${base}/newsroom/stories/${storyId}/live`);
    expect((await t.store.read.liveEntries.find(plainEntry.id))!.body).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'Counting started at 9 pm.' }] }]);
    await noScript.close();
  });
});
