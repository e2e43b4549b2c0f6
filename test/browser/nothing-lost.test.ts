import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory } from '../../src/actions/stories/create-story.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { launchChromium } from '../support/browser.js';
import { givenService, storyInput, SYSTEM } from '../support/factories.js';
import { filesUnder, givenMediaItem, makeClip } from '../support/media.js';
import { givenUser, signInByKeyboard } from '../support/newsroom.js';

/** The editor's writing surface (the contenteditable labelled "Body"). */
const bodyEditor = (page: Page) => page.getByRole('textbox', { name: 'Body', exact: true });

describe('nothing typed or sent is lost, in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { demo: false, clock: 'system' });
    await givenService(t.actions);
    await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
    base = await listen(t.app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const signedIn = async () => {
    const page = await browser.newPage();
    await signInByKeyboard(page, base, 'editor@example.org');
    return page;
  };
  const storiesLink = (page: Page) => page.getByRole('navigation', { name: 'Newsroom sections' }).getByRole('link', { name: 'Stories' });

  it('asks before leaving the editor with unsaved changes, and not after saving', { timeout: 60_000 }, async () => {
    const id = await createStory(t.actions, SYSTEM, storyInput({ headline: 'Before The Change' }));
    const page = await signedIn();
    await page.goto(`${base}/newsroom/stories/${id}`);

    // Nothing changed yet: leaving does not ask.
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });
    await storiesLink(page).click();
    await page.waitForURL(`${base}/newsroom/stories`);
    expect(asked).toEqual([]);

    // A change, then a link at once (before autosave): the browser asks, and staying keeps the text.
    await page.goto(`${base}/newsroom/stories/${id}`);
    await bodyEditor(page).click();
    await page.keyboard.type(' A sentence typed just before leaving.');
    await storiesLink(page).click();
    await expect.poll(() => asked).toEqual(['beforeunload']);
    expect(new URL(page.url()).pathname).toBe(`/newsroom/stories/${id}`);
    expect(await bodyEditor(page).innerText()).toContain('A sentence typed just before leaving.');

    // Saving sends it: no question, and the notice says it was saved.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(JSON.stringify((await t.store.read.stories.findById(id))?.body)).toContain('A sentence typed just before leaving.');
    await storiesLink(page).click();
    await page.waitForURL(`${base}/newsroom/stories`);
    expect(asked).toEqual(['beforeunload']);
    await page.close();
  });

  it('asks before leaving any other newsroom form with changes (the media library upload form)', async () => {
    const page = await signedIn();
    await page.goto(`${base}/newsroom/media`);
    await page.getByLabel('Title', { exact: true }).fill('Half-typed title');
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });
    await storiesLink(page).click();
    await expect.poll(() => asked).toEqual(['beforeunload']);
    expect(new URL(page.url()).pathname).toBe('/newsroom/media');
    await page.close();
  });

  it('autosaves a new story from its first keystrokes: the story is created and the address becomes its own', { timeout: 60_000 }, async () => {
    const page = await signedIn();
    await page.goto(`${base}/newsroom/stories/new`);
    await page.getByLabel('Headline').click();
    await page.keyboard.type('Written Without Pressing Save');
    await page.waitForURL(/\/newsroom\/stories\/\d+$/, { timeout: 15_000 });
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByRole('status').filter({ hasText: /^Saved \d\d:\d\d$/ }).waitFor();
    expect((await t.store.read.stories.findById(id))?.headline).toBe('Written Without Pressing Save');

    // Later changes go to the same story (no second one), and a reload finds the text.
    await bodyEditor(page).click();
    await page.keyboard.type('And a first paragraph.');
    await expect.poll(async () => JSON.stringify((await t.store.read.stories.findById(id))?.body), { timeout: 15_000 }).toContain('And a first paragraph.');
    expect((await t.store.read.stories.listForNewsroom({ serviceCodes: null, text: 'Written Without Pressing Save', limit: 10, offset: 0 })).total).toBe(1);
    await page.reload();
    await expect(page.getByLabel('Headline').inputValue()).resolves.toBe('Written Without Pressing Save');
    await page.close();
  });

  it('resumes an upload after the page is reloaded mid-upload, from where the server got to', { timeout: 90_000 }, async () => {
    // A clip with extra bytes, big enough that half of it is a real part.
    const clip = makeClip(path.join(t.mediaDir, '..', 'resume.mp4'), { width: 320, height: 240, seconds: 4 });
    const bytes = fs.readFileSync(clip);
    const page = await signedIn();
    await page.goto(`${base}/newsroom/media`);

    // The first PATCH reaches the server with half of the file, and its answer never reaches the page.
    const half = Math.floor(bytes.length / 2);
    let held: Route | null = null;
    let creations = 0;
    const patches: string[] = [];
    await page.route('**/api/admin/v1/uploads**', async (route) => {
      const request = route.request();
      if (request.method() === 'POST') creations += 1;
      if (request.method() === 'PATCH') {
        patches.push(`${new URL(request.url()).pathname}@${request.headers()['upload-offset']}`);
        if (patches.length === 1) {
          await route.fetch({ postData: bytes.subarray(0, half), headers: { ...request.headers(), 'content-length': String(half) } });
          held = route;
          return;
        }
      }
      await route.continue();
    });
    await page.getByLabel('Title', { exact: true }).fill('Resumed after reload');
    await page.getByLabel('File (video, audio or image)').setInputFiles(clip);
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect.poll(() => held !== null, { timeout: 20_000 }).toBe(true);

    // The page is reloaded mid-upload; it says an upload did not finish.
    await page.reload();
    await (held as Route | null)?.abort().catch(() => undefined);
    await page.getByText('An upload of resume.mp4 did not finish').waitFor();

    // Choosing the same file offers to go on from the server's offset (about half); Upload does so.
    await page.getByLabel('Title', { exact: true }).fill('Resumed after reload');
    await page.getByLabel('File (video, audio or image)').setInputFiles(clip);
    await page.getByText(/This file was partly uploaded \((49|50)%\)/).waitFor();
    await page.getByRole('button', { name: 'Upload' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Uploaded' });
    await status.waitFor({ timeout: 30_000 });
    expect(creations).toBe(1);
    expect(patches).toHaveLength(2);
    const [first, second] = patches.map((p) => p.split('@'));
    expect(second![0]).toBe(first![0]);
    expect(Number(second![1])).toBe(half);
    expect(filesUnder(t.uploadsDir)).toEqual([]);
    // Finished: nothing is offered again.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('dateline.upload:')))).toEqual([]);
    await page.close();
  });

  it("a media item's page shows the end of processing by itself", { timeout: 60_000 }, async () => {
    const item = await givenMediaItem(t.actions, { title: 'Still Processing', state: 'processing' });
    const page = await signedIn();
    await page.goto(`${base}/newsroom/media/${item.id}`);
    await page.getByText('Status: Processing').waitFor();
    await page.getByRole('status').filter({ hasText: 'this page shows them as soon as they are ready' }).waitFor();
    await t.store.transaction(async (repos) => repos.media.setState(item.id, 'failed', 'the file is not a video', new Date()));
    await page.getByText('Status: Failed').waitFor({ timeout: 15_000 });
    await page.close();
  });
});
