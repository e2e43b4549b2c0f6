import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestMedia } from '../../src/actions/media/ingest-media.js';
import { jobHandlers } from '../../src/jobs/handlers.js';
import { createWorker } from '../../src/jobs/worker.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { makeClip, testMedia } from '../support/media.js';
import { fixedClock } from '../../src/domain/shared/clock.js';
import { migrateToLatest, openDatabase } from '../../src/store/open-store.js';
import { createStore, type Store } from '../../src/store/store.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Waits for a condition the test cannot be told about (another process's progress), with a deadline. */
async function until<T>(what: string, probe: () => Promise<T | null | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(100);
  }
}

describe('a `dateline worker` process killed in the middle of a transcode', () => {
  let database: TestDatabase | undefined;
  let store: Store | undefined;
  let child: ChildProcess | undefined;
  afterEach(async () => {
    if (child?.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
    await store?.close();
    await database?.cleanup();
  });

  it('leaves the job to be taken again after its lease, and the job then completes', { timeout: 90_000 }, async () => {
    database = await createTestDatabase('sqlite');
    if (database.config.kind !== 'sqlite') throw new Error('sqlite expected');
    const db = openDatabase(database.config);
    await migrateToLatest(db, 'sqlite');
    store = createStore(db, 'sqlite');
    // The worker process runs on the real clock: the job must be due for it now.
    const clock = fixedClock(new Date());
    const t = { store, clock, deps: { store, clock } };
    const m = testMedia(t);
    const clip = makeClip(path.join(m.dir, 'clip.mp4'), { width: 1280, height: 720, seconds: 6 });
    const item = await ingestMedia(m.deps, { file: clip, title: 'Survivor' });

    const tmp = path.join(m.dir, 'worker-tmp');
    fs.mkdirSync(tmp);
    child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'worker'], {
      cwd: ROOT,
      detached: true,
      stdio: 'ignore',
      env: {
        ...process.env,
        DATABASE_URL: database.config.file,
        MEDIA_DIR: m.mediaDir,
        ORIGINALS_DIR: m.originalsDir,
        TMPDIR: tmp,
        LOG_LEVEL: 'silent',
      },
    });
    const running = await until('the worker process to claim the job', async () => {
      const job = await t.store.read.jobs.findById(1);
      return job?.state === 'running' ? job : null;
    });
    // Kill the worker and its ffmpeg at once, as a power cut or an OOM kill of the container would.
    process.kill(-(child.pid ?? 0), 'SIGKILL');
    await until('the worker process to die', async () => child?.signalCode ?? null);
    expect((await t.store.read.jobs.findById(running.id))?.state).toBe('running');
    expect((await t.store.read.media.findById(item.id))?.state).toBe('processing');

    // After a restart, a worker takes the job once its lease is over.
    clock.set(running.leaseUntil ?? new Date());
    const worker = createWorker({ store: t.store, clock, handlers: jobHandlers(m.deps) });
    expect(await worker.runOnce()).toBe('done');
    expect(await t.store.read.jobs.findById(running.id)).toMatchObject({ state: 'done', attempts: 2 });
    const ready = await t.store.read.media.findById(item.id);
    expect(ready?.state).toBe('ready');
    expect(ready?.renditions.map((r) => r.label).sort()).toEqual(['HLS', 'MP4 360p', 'MP4 720p', 'Poster']);
    m.cleanup();
  });
});
