import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestMedia } from '../../src/actions/media/ingest-media.js';
import { PROCESS_MEDIA_JOB } from '../../src/actions/media/process-media.js';
import type { MediaItem } from '../../src/domain/media/media.js';
import { jobHandlers } from '../../src/jobs/handlers.js';
import { createWorker, type Worker } from '../../src/jobs/worker.js';
import { STORE_KINDS } from '../support/databases.js';
import { ffprobe, filesUnder, makeClip, makeHugeImageHeader, makeIndirectionAttacks, makeTone, testMedia, wasRead, type TestMedia } from '../support/media.js';
import { openTestStore, type TestStore } from '../support/store.js';

const LEASE = 60_000;

describe.each(STORE_KINDS)('media pipeline on %s', (kind) => {
  let clips: string;
  let clip: string;
  let small: string;
  let t: TestStore;
  let m: TestMedia;
  let worker: Worker;
  beforeAll(() => {
    clips = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-clips-'));
    clip = makeClip(path.join(clips, 'clip.mp4'), { width: 1280, height: 720, seconds: 2 });
    small = makeClip(path.join(clips, 'small.mp4'), { width: 320, height: 240, seconds: 1 });
  });
  afterAll(() => fs.rmSync(clips, { recursive: true, force: true }));
  beforeEach(async () => {
    t = await openTestStore(kind);
    m = testMedia(t);
    worker = createWorker({ store: t.store, clock: t.clock, handlers: jobHandlers(m.deps), leaseMs: LEASE });
  });
  afterEach(async () => {
    m.cleanup();
    await t.close();
  });

  const reload = async (id: number): Promise<MediaItem> => {
    const item = await t.store.read.media.findById(id);
    if (!item) throw new Error(`media ${id} is gone`);
    return item;
  };
  const onDisk = (key: string) => path.join(m.mediaDir, key);
  const rendition = (item: MediaItem, label: string) => {
    const found = item.renditions.find((r) => r.label === label);
    if (!found) throw new Error(`no ${label} rendition among ${item.renditions.map((r) => r.label).join(', ')}`);
    return found;
  };

  it('turns a video into MP4 at 360p and 720p, HLS with a master playlist and a poster', async () => {
    const item = await ingestMedia(m.deps, { file: clip, title: 'Test pattern', credit: 'Reuters' });
    expect(await worker.runOnce()).toBe('done');
    const ready = await reload(item.id);
    expect(ready.state).toBe('ready');
    expect(Math.abs((ready.durationMs ?? 0) - 2_000)).toBeLessThanOrEqual(200);
    expect(ready.renditions.map((r) => r.label).sort()).toEqual(['HLS', 'MP4 360p', 'MP4 720p', 'Poster']);

    for (const [label, width, height] of [['MP4 360p', 640, 360], ['MP4 720p', 1280, 720]] as const) {
      const mp4 = rendition(ready, label);
      expect(mp4).toMatchObject({ kind: 'mp4', mimeType: 'video/mp4', width, height });
      expect(fs.statSync(onDisk(mp4.path)).size).toBe(mp4.sizeBytes);
      const probe = ffprobe(onDisk(mp4.path));
      expect(probe.streams.find((s) => s.codec_type === 'video')).toMatchObject({ codec_name: 'h264', width, height });
      expect(probe.streams.find((s) => s.codec_type === 'audio')).toMatchObject({ codec_name: 'aac' });
      expect(Math.abs(Number(probe.format.duration) - 2)).toBeLessThanOrEqual(0.2);
      // faststart: the index (moov) comes before the media data (mdat).
      const head = fs.readFileSync(onDisk(mp4.path)).subarray(0, 4096).toString('latin1');
      expect(head.indexOf('moov')).toBeGreaterThan(-1);
    }

    const hls = rendition(ready, 'HLS');
    expect(hls.mimeType).toBe('application/vnd.apple.mpegurl');
    const master = fs.readFileSync(onDisk(hls.path), 'utf8');
    expect(master).toContain('#EXTM3U');
    expect(master).toMatch(/RESOLUTION=640x360[\s\S]*360p\.m3u8/);
    expect(master).toMatch(/RESOLUTION=1280x720[\s\S]*720p\.m3u8/);
    const hlsDir = path.dirname(onDisk(hls.path));
    const variant = fs.readFileSync(path.join(hlsDir, '720p.m3u8'), 'utf8');
    const segments = variant.split('\n').filter((line) => line.endsWith('.ts'));
    expect(segments.length).toBeGreaterThan(0);
    for (const segment of segments) expect(fs.existsSync(path.join(hlsDir, segment))).toBe(true);
    expect(Math.abs(Number(ffprobe(path.join(hlsDir, '720p.m3u8')).format.duration) - 2)).toBeLessThanOrEqual(0.2);

    const poster = rendition(ready, 'Poster');
    expect(poster).toMatchObject({ kind: 'poster', mimeType: 'image/jpeg', width: 1280, height: 720 });
    expect((await sharp(onDisk(poster.path)).metadata()).format).toBe('jpeg');

    expect(filesUnder(m.tempDir)).toEqual([]);
    expect(t.events.filter((e) => e.type === 'media.changed').length).toBeGreaterThanOrEqual(2);
    expect(await worker.runOnce()).toBe('idle');
  });

  it('never upscales: a 320x240 video gets one MP4 at its own height', async () => {
    const item = await ingestMedia(m.deps, { file: small, title: 'Small' });
    expect(await worker.runOnce()).toBe('done');
    const ready = await reload(item.id);
    expect(ready.renditions.filter((r) => r.kind === 'mp4').map((r) => [r.width, r.height])).toEqual([[320, 240]]);
  });

  it('turns audio into AAC and MP3', async () => {
    const tone = makeTone(path.join(m.dir, 'tone.wav'), 1);
    const item = await ingestMedia(m.deps, { file: tone, title: 'Interview' });
    expect(item.kind).toBe('audio');
    expect(await worker.runOnce()).toBe('done');
    const ready = await reload(item.id);
    expect(ready.state).toBe('ready');
    expect(ready.renditions.map((r) => [r.label, r.mimeType])).toEqual([
      ['AAC', 'audio/mp4'],
      ['MP3', 'audio/mpeg'],
    ]);
    expect(ffprobe(onDisk(rendition(ready, 'AAC').path)).streams[0]?.codec_name).toBe('aac');
    expect(ffprobe(onDisk(rendition(ready, 'MP3').path)).streams[0]?.codec_name).toBe('mp3');
  });

  it('turns an image into AVIF, WebP and JPEG at widths up to its own, keeping its alt text', async () => {
    const file = path.join(m.dir, 'photo.png');
    await sharp({ create: { width: 800, height: 600, channels: 3, background: '#336699' } }).png().toFile(file);
    const item = await ingestMedia(m.deps, { file, title: 'Square', altText: 'Protesters outside the White House' });
    expect(item).toMatchObject({ kind: 'image', altText: 'Protesters outside the White House', durationMs: null });
    expect(await worker.runOnce()).toBe('done');
    const ready = await reload(item.id);
    expect(ready.state).toBe('ready');
    const sets = ready.renditions.map((r) => `${r.mimeType} ${r.width}x${r.height}`).sort();
    expect(sets).toEqual(
      ['image/avif', 'image/jpeg', 'image/webp'].flatMap((type) => [`${type} 320x240`, `${type} 640x480`, `${type} 800x600`]).sort(),
    );
    for (const r of ready.renditions) {
      expect((await sharp(onDisk(r.path)).metadata()).format).toBe(r.mimeType === 'image/jpeg' ? 'jpeg' : r.mimeType === 'image/webp' ? 'webp' : 'heif');
    }
  });

  it('marks a video that ffmpeg cannot convert "failed" with the reason, leaving no temporary files', async () => {
    const whole = fs.readFileSync(small);
    const truncated = path.join(m.dir, 'truncated.mp4');
    // The index is at the start (faststart), so the file probes fine but its frames are cut off.
    fs.writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    const item = await ingestMedia(m.deps, { file: truncated, title: 'Cut off' });
    expect(item.state).toBe('processing');
    expect(await worker.runOnce()).toBe('failed');
    const failed = await reload(item.id);
    expect(failed.state).toBe('failed');
    expect(failed.failureReason).toMatch(/could not be converted/);
    expect(failed.renditions.filter((r) => r.kind !== 'poster')).toEqual([]);
    expect(filesUnder(m.tempDir)).toEqual([]);
  });

  it('marks a truncated photo "failed" with the reason', async () => {
    const whole = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 30 } } })
      .jpeg()
      .toBuffer();
    const file = path.join(m.dir, 'cut.jpg');
    fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    const item = await ingestMedia(m.deps, { file, title: 'Cut photo' });
    expect(item.kind).toBe('image');
    expect(await worker.runOnce()).toBe('failed');
    const failed = await reload(item.id);
    expect(failed).toMatchObject({ state: 'failed', renditions: [] });
    expect(failed.failureReason).toMatch(/could not be converted/);
    expect(filesUnder(m.tempDir)).toEqual([]);
    expect(filesUnder(m.mediaDir)).toEqual([]);
  });

  it('fails the job of an original that turns out to be a playlist or a list of files, reading none of the files it names', async () => {
    // Such an original cannot be taken in any more; one taken in before must not be transcoded either.
    const { secret, attacks } = makeIndirectionAttacks(m.dir);
    for (const attack of attacks) {
      const folder = `2026/11/${Math.random().toString(36).slice(2, 10)}`;
      await m.deps.media.originals.put(`${folder}/original`, attack.file);
      const item = await t.store.transaction(async (repos) => {
        const inserted = await repos.media.insert(
          { kind: 'video', title: attack.name, caption: null, credit: null, altText: null, durationMs: 7_300, state: 'processing', failureReason: null, renditions: [] },
          t.clock.now(),
        );
        await repos.jobs.enqueue({ type: PROCESS_MEDIA_JOB, payload: { mediaId: inserted.id, source: `${folder}/original`, folder } }, t.clock.now());
        return inserted;
      });
      expect(await worker.runOnce()).toBe('failed');
      const failed = await reload(item.id);
      expect(failed, attack.name).toMatchObject({ state: 'failed', renditions: [] });
      expect(failed.failureReason).toContain('not a supported format');
      expect(filesUnder(m.mediaDir)).toEqual([]);
      expect(filesUnder(m.tempDir)).toEqual([]);
      expect(wasRead(secret), attack.name).toBe(false);
    }
  });

  it('fails, without decoding it, the job of an image of more pixels than allowed', async () => {
    // Taken in before the limit: the job reads the header again and refuses it.
    const folder = `2026/11/${Math.random().toString(36).slice(2, 10)}`;
    await m.deps.media.originals.put(`${folder}/original`, makeHugeImageHeader(path.join(m.dir, 'bomb.png')));
    const item = await t.store.transaction(async (repos) => {
      const inserted = await repos.media.insert(
        { kind: 'image', title: 'Bomb', caption: null, credit: null, altText: null, durationMs: null, state: 'processing', failureReason: null, renditions: [] },
        t.clock.now(),
      );
      await repos.jobs.enqueue({ type: PROCESS_MEDIA_JOB, payload: { mediaId: inserted.id, source: `${folder}/original`, folder } }, t.clock.now());
      return inserted;
    });
    expect(await worker.runOnce()).toBe('failed');
    const failed = await reload(item.id);
    expect(failed).toMatchObject({ state: 'failed', renditions: [] });
    expect(failed.failureReason).toContain('16000 x 16000 pixels (256 megapixels): an image may have at most 50 megapixels');
    expect(filesUnder(m.mediaDir)).toEqual([]);
    expect(filesUnder(m.tempDir)).toEqual([]);
  });

  it('finishes a job after restart when the worker that claimed it died', async () => {
    const item = await ingestMedia(m.deps, { file: small, title: 'Survivor' });
    const dead = await t.store.read.jobs.claimNext('killed-worker', t.clock.now(), LEASE);
    expect(dead?.attempts).toBe(1);
    expect(await worker.runOnce()).toBe('idle');
    t.clock.advance(LEASE);
    expect(await worker.runOnce()).toBe('done');
    expect((await reload(item.id)).state).toBe('ready');
    expect(await t.store.read.jobs.findById(dead?.id ?? 0)).toMatchObject({ state: 'done', attempts: 2 });
  });
});
