import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { violations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { givenService } from '../support/factories.js';
import { filesUnder, givenMediaItem, makeClip } from '../support/media.js';
import { givenUser, signInByKeyboard } from '../support/newsroom.js';

describe('uploading through the newsroom media page, in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let clip: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { demo: false });
    await givenService(t.actions);
    await givenUser(t.actions, 'reporter', [{ role: 'reporter', serviceCode: 'en' }], { withPassword: true });
    clip = makeClip(path.join(t.mediaDir, '..', 'square.mp4'), { width: 320, height: 240, seconds: 2 });
    base = await listen(t.app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the progress reaching 100% through a dropped connection, and the item appears in the library', async () => {
    const page = await browser.newPage();
    await signInByKeyboard(page, base, 'reporter@example.org');
    await page.getByRole('navigation', { name: 'Newsroom sections' }).getByRole('link', { name: 'Media' }).click();
    await page.waitForURL(`${base}/newsroom/media`);

    // The first chunk never arrives: the form must ask where the server got to and go on.
    let dropped = 0;
    await page.route('**/api/admin/v1/uploads/*', async (route) => {
      if (route.request().method() === 'PATCH' && dropped === 0) {
        dropped += 1;
        return route.abort('connectionreset');
      }
      return route.continue();
    });

    await page.getByLabel('Title', { exact: true }).fill('The square at dawn');
    await page.getByLabel('Credit (e.g. Reuters)').fill('RFE/RL');
    await page.getByLabel('File (video, audio or image)').setInputFiles(clip);
    await page.getByRole('button', { name: 'Upload' }).click();

    const status = page.getByRole('status').filter({ hasText: 'Uploaded' });
    await status.waitFor({ timeout: 30_000 });
    expect(dropped).toBe(1);
    await expect(page.getByLabel('Upload progress').evaluate((bar: HTMLProgressElement) => bar.value)).resolves.toBe(100);
    const link = status.getByRole('link', { name: 'The square at dawn' });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/newsroom\/media\/\d+$/);
    expect(filesUnder(t.uploadsDir)).toEqual([]);

    await page.goto(`${base}/newsroom/media`);
    await page.getByRole('list', { name: 'Media items: 1' }).getByRole('link', { name: 'The square at dawn' }).click();
    await page.waitForURL(`${base}${href}`);
    await expect(page.getByText('Status: Processing').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('has no accessibility violations on the library and an item page (axe-core, WCAG 2.2 AA)', async () => {
    const item = await givenMediaItem(t.actions, { title: 'Portrait', kind: 'image' });
    // axe is injected inline, which the site's CSP rightly forbids: for this test only.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await signInByKeyboard(page, base, 'reporter@example.org');
    expect(await violations(page, `${base}/newsroom/media`, 200)).toEqual([]);
    expect(await violations(page, `${base}/newsroom/media/${item.id}`, 200)).toEqual([]);
    expect(await violations(page, `${base}/newsroom/media/1`, 200)).toEqual([]);
    await context.close();
  });
});
