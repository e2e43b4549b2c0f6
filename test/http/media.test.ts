import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestMedia } from '../../src/actions/media/ingest-media.js';
import { storyPath } from '../../src/domain/story/story-path.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenPublishedStory, givenService } from '../support/factories.js';
import { makeClip } from '../support/media.js';

describe.each(STORE_KINDS)('media on reader pages on %s', (kind) => {
  let t: TestApp;
  let clips: string;
  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions);
    clips = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-clips-'));
  });
  afterAll(async () => {
    fs.rmSync(clips, { recursive: true, force: true });
    await t.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const pathOf = async (id: number) => {
    const story = await t.store.read.stories.findById(id);
    if (!story) throw new Error('no story');
    return storyPath(story);
  };

  it('never serves what is still being copied into the media folder (its hidden .partial folder)', async () => {
    const staging = path.join(t.mediaDir, '.partial', 'host-1-0123456789ab');
    fs.mkdirSync(staging, { recursive: true });
    fs.writeFileSync(path.join(staging, 'master.m3u8'), '#EXTM3U\n360p.m3u8\n');
    for (const url of ['/media/.partial/host-1-0123456789ab/master.m3u8', '/media/%2Epartial/host-1-0123456789ab/master.m3u8']) {
      const response = await get(url);
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.body).not.toContain('EXTM3U');
    }
    fs.rmSync(path.join(t.mediaDir, '.partial'), { recursive: true, force: true });
  });

  it('shows "no media source" while a lead video is processing, and the player once it is ready', async () => {
    const clip = makeClip(path.join(clips, 'clip.mp4'), { width: 320, height: 240, seconds: 1 });
    const item = await ingestMedia(t.media, { file: clip, title: 'Protest in the square', credit: 'Reuters' });
    const url = await pathOf(await givenPublishedStory(t.actions, { leadMediaId: item.id }));

    const waiting = await get(url);
    expect(waiting.statusCode).toBe(200);
    expect(waiting.body).toContain('No media source currently available');
    expect(waiting.body).not.toContain('<video');
    expect((await get(url)).headers['x-cache']).toBe('HIT');

    expect(await t.workers.workers[0]?.runOnce()).toBe('done');
    const ready = await t.store.read.media.findById(item.id);
    const mp4 = ready?.renditions.find((r) => r.kind === 'mp4');
    if (!mp4) throw new Error('no MP4 rendition');

    // The page cache was purged by the media.changed event: the next reader sees the player.
    const playing = await get(url);
    expect(playing.headers['x-cache']).not.toBe('HIT');
    expect(playing.body).toContain('<video');
    expect(playing.body).toContain(`<source src="/media/${mp4.path}" type="video/mp4"/>`);
    expect(playing.body).toMatch(/poster="\/media\/[^"]+\.jpg"/);
    expect(playing.body).toContain(`href="/media/${mp4.path}"`);

    const file = await get(`/media/${mp4.path}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('video/mp4');
    expect(Number(file.headers['content-length'])).toBe(mp4.sizeBytes);
    expect(file.headers['cache-control']).toContain('immutable');
    const range = await get(`/media/${mp4.path}`, { range: 'bytes=0-99' });
    expect(range.statusCode).toBe(206);
    expect(range.rawPayload.length).toBe(100);
    expect(range.headers['content-range']).toBe(`bytes 0-99/${mp4.sizeBytes}`);
  });

  it('shows a ready image as <picture> with AVIF and WebP sources and a JPEG fallback', async () => {
    const file = path.join(clips, 'photo.png');
    await sharp({ create: { width: 700, height: 400, channels: 3, background: '#884422' } }).png().toFile(file);
    const item = await ingestMedia(t.media, { file, title: 'Square', altText: 'Crowd in Ala-Too Square', credit: 'AP' });
    expect(await t.workers.workers[0]?.runOnce()).toBe('done');
    const url = await pathOf(await givenPublishedStory(t.actions, { leadMediaId: item.id, slug: 'square' }));
    const html = (await get(url)).body;
    expect(html).toMatch(/<picture><source type="image\/avif" srcset="\/media\/\S+ 320w, \/media\/\S+ 640w, \/media\/\S+ 700w" sizes="[^"]+"\/>/);
    expect(html).toMatch(/<source type="image\/webp" srcset="[^"]+ 700w"/);
    expect(html).toMatch(/<img src="\/media\/\S+320w\.jpg" srcset="[^"]+\.jpg 320w, [^"]+\.jpg 640w, [^"]+\.jpg 700w" sizes="[^"]+" width="320" height="183" alt="Crowd in Ala-Too Square"/);
    expect(html).toContain('(photo: AP)');
  });
});
