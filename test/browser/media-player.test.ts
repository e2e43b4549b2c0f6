import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCaptions } from '../../src/actions/media/add-captions.js';
import { ingestMedia } from '../../src/actions/media/ingest-media.js';
import type { Rendition } from '../../src/domain/media/media.js';
import { storyPath } from '../../src/domain/story/story-path.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { launchChromium } from '../support/browser.js';
import { givenPublishedStory, givenService, SYSTEM } from '../support/factories.js';
import { makeClip } from '../support/media.js';

describe('a video that went through the pipeline, in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let url: string;
  let mp4: Rendition;
  let hlsPlaylist: string;
  let mp4s: Rendition[];

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
    mp4s = ready?.renditions.filter((r) => r.kind === 'mp4') ?? [];
    hlsPlaylist = ready?.renditions.find((r) => r.kind === 'hls')?.path ?? '';
    const vtt = 'WEBVTT\n\n00:00.000 --> 00:02.000\nБишкек, эртеси күнү\n';
    await addCaptions(t.media, SYSTEM, item.id, { language: 'ky', label: 'Кыргызча', bytes: new TextEncoder().encode(vtt) });
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

  it('lists every rendition under "Direct link" with its size, and the download has the right type and size', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByText('Direct link', { exact: true }).click();
    const links = page.getByRole('list', { name: 'Direct link' }).getByRole('link');
    await expect(links.count()).resolves.toBe(mp4s.length);
    const link = links.first();
    await expect(link.textContent()).resolves.toMatch(new RegExp(`^${mp4.label} · [\\d.,]+ (KB|MB)$`));
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

  it('carries the captions as a track the browser loads', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    const track = page.locator('video track');
    await expect(track.getAttribute('kind')).resolves.toBe('captions');
    await expect(track.getAttribute('srclang')).resolves.toBe('ky');
    await expect(track.getAttribute('label')).resolves.toBe('Кыргызча');
    const vtt = await page.request.get(new URL((await track.getAttribute('src')) ?? '', url).href);
    expect(vtt.headers()['content-type']).toMatch(/^text\/vtt/);
    const tracks = await page.locator('video').evaluate((video: HTMLVideoElement) =>
      [...video.textTracks].map((track) => ({ kind: track.kind, language: track.language, label: track.label })),
    );
    expect(tracks).toEqual([{ kind: 'captions', language: 'ky', label: 'Кыргызча' }]);
    await page.close();
  });

  it('answers the keyboard on the focused player: k and Space play and pause, arrows seek, m mutes', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    const video = page.locator('video');
    await video.focus();
    const read = () => video.evaluate((element: HTMLVideoElement) => ({ paused: element.paused, muted: element.muted, time: element.currentTime }));
    await page.keyboard.press('m');
    await expect.poll(async () => (await read()).muted).toBe(true);
    await page.keyboard.press('k');
    await expect.poll(async () => (await read()).paused).toBe(false);
    await page.keyboard.press('Space');
    await expect.poll(async () => (await read()).paused).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await read()).time).toBeGreaterThan(2.5);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await read()).time).toBeLessThan(0.5);
    await page.keyboard.press('m');
    await expect.poll(async () => (await read()).muted).toBe(false);
    await page.close();
  });

  it('never loads hls.js where the MP4 plays', async () => {
    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(url, { waitUntil: 'load' });
    expect(scripts.some((script) => script.startsWith('/assets/player.'))).toBe(true);
    expect(scripts.some((script) => script.startsWith('/assets/hls.'))).toBe(false);
    await page.close();
  });

  it('plays the HLS rendition through hls.js in a browser that cannot play the MP4', async () => {
    const page = await browser.newPage();
    // A browser without H.264 in MP4 files and without native HLS, but with Media Source Extensions.
    await page.addInitScript(() => {
      const canPlayType = HTMLMediaElement.prototype.canPlayType;
      HTMLMediaElement.prototype.canPlayType = function (type: string) {
        return type.startsWith('video/mp4') || type.includes('mpegurl') ? '' : canPlayType.call(this, type);
      };
    });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('video')?.currentSrc.startsWith('blob:'), undefined, { timeout: 15_000 });
    await page.locator('video').evaluate((element: HTMLVideoElement) => {
      element.muted = true;
      return element.play();
    });
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.5, undefined, { timeout: 15_000 });
    expect(requested.some((path) => path.startsWith('/assets/hls.'))).toBe(true);
    expect(requested).toContain(`/media/${hlsPlaylist}`);
    expect(requested.some((path) => path.endsWith('.mp4') && path.startsWith('/media/'))).toBe(false);
    await page.close();
  });
});
