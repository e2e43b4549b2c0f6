import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestMedia } from '../../src/actions/media/ingest-media.js';
import { DomainError } from '../../src/domain/shared/errors.js';
import { STORE_KINDS } from '../support/databases.js';
import { filesUnder, makeClip, makeIndirectionAttacks, testMedia, type TestMedia } from '../support/media.js';
import { openTestStore, type TestStore } from '../support/store.js';

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the action succeeded');
}

describe.each(STORE_KINDS)('taking in media files on %s', (kind) => {
  let t: TestStore;
  let m: TestMedia;
  let clips: string;
  let clip: string;
  let big: string;
  beforeAll(() => {
    clips = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-clips-'));
    clip = makeClip(path.join(clips, 'clip.mp4'), { width: 160, height: 120, seconds: 1, faststart: false });
    big = makeClip(path.join(clips, 'big.mp4'), { width: 640, height: 480, seconds: 2 });
  });
  afterAll(() => fs.rmSync(clips, { recursive: true, force: true }));
  beforeEach(async () => {
    t = await openTestStore(kind);
    m = testMedia(t, { video: 60_000 });
  });
  afterEach(async () => {
    m.cleanup();
    await t.close();
  });

  const nothingChanged = async () => {
    const count = async (table: 'media_items' | 'jobs') =>
      Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(await count('media_items')).toBe(0);
    expect(await count('jobs')).toBe(0);
    expect(filesUnder(m.originalsDir)).toEqual([]);
    expect(filesUnder(m.mediaDir)).toEqual([]);
    expect(filesUnder(m.tempDir)).toEqual([]);
    expect(t.events).toEqual([]);
  };

  it('records a video as processing, keeps a private copy of the original, and queues its job', async () => {
    const item = await ingestMedia(m.deps, { file: clip, title: 'Bishkek - A Day After', credit: 'Reuters' });
    expect(item).toMatchObject({ kind: 'video', state: 'processing', credit: 'Reuters', renditions: [] });
    expect(item.durationMs).toBeGreaterThan(900);
    expect(await t.store.read.jobs.countByState('queued')).toBe(1);
    expect(filesUnder(m.originalsDir)).toHaveLength(1);
    expect(fs.existsSync(clip)).toBe(true);
    expect(t.events).toEqual([{ type: 'media.changed', mediaId: item.id }]);
  });

  it('takes an MPEG-TS recording (found by its sync bytes) as a video of its own length', async () => {
    const roomy = testMedia(t);
    try {
      const { secret } = makeIndirectionAttacks(roomy.dir);
      const item = await ingestMedia(roomy.deps, { file: secret, title: 'Broadcast capture' });
      expect(item).toMatchObject({ kind: 'video', state: 'processing' });
      expect(Math.abs((item.durationMs ?? 0) - 7_300)).toBeLessThan(150);
    } finally {
      roomy.cleanup();
    }
  });

  it('refuses a corrupt file', async () => {
    const file = path.join(m.dir, 'corrupt.mp4');
    fs.writeFileSync(file, Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 251)));
    expect((await rejection(ingestMedia(m.deps, { file, title: 'Corrupt' }))).code).toBe('MEDIA_UNREADABLE');
    await nothingChanged();
  });

  it('refuses a truncated file', async () => {
    const file = path.join(m.dir, 'truncated.mp4');
    const whole = fs.readFileSync(clip);
    fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    expect((await rejection(ingestMedia(m.deps, { file, title: 'Truncated' }))).code).toBe('MEDIA_UNREADABLE');
    await nothingChanged();
  });

  it('refuses a text file whose name says .mp4', async () => {
    const file = path.join(m.dir, 'story.mp4');
    fs.writeFileSync(file, 'Not a video at all, just words.\n'.repeat(100));
    expect((await rejection(ingestMedia(m.deps, { file, title: 'Liar' }))).code).toBe('MEDIA_UNREADABLE');
    await nothingChanged();
  });

  it('refuses a file larger than its kind allows', async () => {
    expect(fs.statSync(big).size).toBeGreaterThan(60_000);
    const error = await rejection(ingestMedia(m.deps, { file: big, title: 'Too big' }));
    expect(error).toMatchObject({ code: 'MEDIA_TOO_LARGE', field: 'file' });
    await nothingChanged();
  });

  it('refuses a missing file and a missing title before looking at anything', async () => {
    expect((await rejection(ingestMedia(m.deps, { file: path.join(m.dir, 'nope.mp4'), title: 'Gone' }))).code).toBe('MEDIA_FILE_MISSING');
    expect((await rejection(ingestMedia(m.deps, { file: clip, title: '  ' }))).field).toBe('title');
    await nothingChanged();
  });
});
