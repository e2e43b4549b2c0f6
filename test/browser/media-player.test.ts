import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestMedia } from '../../src/actions/media/ingest-media.js';
import type { Rendition } from '../../src/domain/media/media.js';
import { storyPath } from '../../src/domain/story/story-path.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { launchChromium } from '../support/browser.js';
import { givenPublishedStory, givenService } from '../support/factories.js';
import { makeClip } from '../support/media.js';

describe('a video that went through the pipeline, in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let url: string;
  let mp4: Rendition;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { demo: false });
    await givenService(t.actions);
    const clip = makeClip(path.join(t.mediaDir, '..', 'clip.mp4'), { width: 640, height: 360, seconds: 3 });
    const item = await ingestMedia(t.media, { file: clip, title: 'Bishkek - A Day After', credit: 'Reuters' });
    expect(await t.workers.workers[0]?.runOnce()).toBe('done');
    const ready = await t.store.read.media.findById(item.id);
    const found = ready?.renditions.find((r) => r.kind === 'mp4');
    if (!found) throw new Error('the pipeline made no MP4');
    mp4 = found;
    const story = await t.store.read.stories.findById(await givenPublishedStory(t.actions, { leadMediaId: item.id }));
    if (!story) throw new Error('no story');
    url = (await listen(t.app)) + storyPath(story);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('plays: the position moves after play()', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    const video = page.locator('video');
    await expect(video.getAttribute('aria-label')).resolves.toBe('Bishkek - A Day After');
    await video.evaluate((element: HTMLVideoElement) => {
      element.muted = true;
      return element.play();
    });
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.5, undefined, { timeout: 15_000 });
    const state = await video.evaluate((element: HTMLVideoElement) => ({
      error: element.error?.code ?? null,
      width: element.videoWidth,
      height: element.videoHeight,
      duration: element.duration,
    }));
    expect(state).toMatchObject({ error: null, width: 640, height: 360 });
    expect(Math.abs(state.duration - 3)).toBeLessThan(0.2);
    await page.close();
  });

  it('saves the file through "Direct link" with the right type and size', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(url);
    const link = page.getByRole('link', { name: 'Direct link' });
    const href = await link.getAttribute('href');
    expect(href).toBe(`/media/${mp4.path}`);
    const response = await page.request.get(new URL(href ?? '', url).href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('video/mp4');
    expect((await response.body()).length).toBe(mp4.sizeBytes);

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const saved = await download.path();
    expect(fs.statSync(saved).size).toBe(mp4.sizeBytes);
    await context.close();
  });
});
