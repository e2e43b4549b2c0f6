import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory } from '../../src/actions/stories/create-story.js';
import { launchChromium } from '../support/browser.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { violationsHere } from '../support/axe.js';
import { givenService, storyInput, SYSTEM } from '../support/factories.js';
import { givenMediaItem } from '../support/media.js';
import { givenUser, signInByKeyboard } from '../support/newsroom.js';

describe("the lead media's caption and credit in this story, in Chromium", () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { demo: false });
    await givenService(t.actions);
    await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
    base = await listen(t.app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('autosaves what the editor types next to the lead media picker, and the form has no axe violations', { timeout: 90_000 }, async () => {
    const media = await givenMediaItem(t.actions, { kind: 'image', title: 'The square', caption: 'Library caption', credit: 'Library Photographer' });
    const id = await createStory(t.actions, SYSTEM, storyInput({ headline: 'Crowds Fill The Square', leadMediaId: media.id }));
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await signInByKeyboard(page, base, 'editor@example.org');
    await page.goto(`${base}/newsroom/stories/${id}`);

    await expect.poll(() => page.locator('#lead-media-text-help').innerText()).toContain('Its caption: “Library caption”.');
    await page.getByLabel('Caption in this story').fill('Crowds at noon, seen from the roof');
    await page.getByLabel('Credit in this story').fill('Story Photographer');
    await expect.poll(() => page.locator('#autosave-status').innerText(), { timeout: 15_000 }).toMatch(/^Saved \d\d:\d\d$/);
    expect(await t.store.read.stories.findById(id)).toMatchObject({ leadMediaCaption: 'Crowds at noon, seen from the roof', leadMediaCredit: 'Story Photographer' });

    // Emptied: the item's own again.
    await page.getByLabel('Credit in this story').fill('');
    await expect.poll(async () => (await t.store.read.stories.findById(id))?.leadMediaCredit, { timeout: 15_000 }).toBeNull();

    expect(await violationsHere(page)).toEqual([]);

    // Another lead media (here none): the first item's own caption is no longer offered as the default.
    await page.getByRole('button', { name: 'No lead media' }).click();
    await expect.poll(() => page.locator('#lead-media-text-help').innerText()).not.toContain('Library caption');
    await context.close();
  });
});
