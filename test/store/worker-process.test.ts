import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestMedia } from '../../src/actions/media/ingest-media.js';
import { fixedClock } from '../../src/domain/shared/clock.js';
import { migrateToLatest, openDatabase } from '../../src/store/open-store.js';
import { createStore, type Store } from '../../src/store/store.js';
import { createTestDatabase, STORE_KINDS, type TestDatabase } from '../support/databases.js';
import { makeClip, testMedia, type TestMedia } from '../support/media.js';
import { program } from '../support/programs.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Waits for a condition the test cannot be told about (another process's progress), with a deadline. */
async function until<T>(what: string, probe: () => Promise<T | null | undefined> | T | null | undefined, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(50);
  }
}

/** What is in the temp folder. */
function leftIn(tmp: string): string[] {
  return fs.readdirSync(tmp);
}

interface RunningTool {
  readonly pid: number;
  readonly ppid: number;
  readonly args: string[];
}

/** Every live (not zombie) process whose command line mentions `marker`, from /proc. */
function processesMentioning(marker: string): RunningTool[] {
  const found: RunningTool[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const args = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').filter(Boolean);
      if (!args.some((arg) => arg.includes(marker))) continue;
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z' || state === 'X') continue;
      found.push({ pid: Number(name), ppid: Number(ppid), args });
    } catch {
      // It ended while being read.
    }
  }
  return found;
}

/**
 * Watches the media folder as a reader would see it (dot folders are never served): records
 * any file that changes after it appeared (half written) and any playlist that names a file
 * not there (a half-stored HLS rendition).
 */
function watchMediaFolder(mediaDir: string) {
  const sizes = new Map<string, number>();
  const problems = new Set<string>();
  // Files readers could reach: dot folders (half-made copies, removed at any moment) are never entered.
  const reachable = (dir: string): string[] => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return []; // not made yet, or gone while read
    }
    return entries.flatMap((entry) => {
      if (entry.name.startsWith('.')) return [];
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? reachable(full) : entry.isFile() ? [full] : [];
    });
  };
  const scan = () => {
    for (const file of reachable(mediaDir)) {
      const relative = path.relative(mediaDir, file);
      let size: number;
      try {
        size = fs.statSync(file).size;
      } catch {
        continue;
      }
      const seen = sizes.get(relative);
      if (seen === undefined) sizes.set(relative, size);
      else if (seen !== size) problems.add(`${relative} changed from ${seen} to ${size} bytes after it was reachable`);
      if (relative.endsWith('.m3u8')) {
        const lines = fs.readFileSync(file, 'utf8').split('\n').map((line) => line.trim());
        for (const line of lines) {
          if (line && !line.startsWith('#') && !fs.existsSync(path.join(path.dirname(file), line))) {
            problems.add(`${relative} lists ${line}, which is not there`);
          }
        }
      }
    }
  };
  const timer = setInterval(scan, 20);
  return {
    problems,
    files: () => [...sizes.keys()],
    stop: () => {
      clearInterval(timer);
      scan();
    },
  };
}

describe.each(STORE_KINDS)('a `dateline worker` process killed with SIGKILL in the middle of a transcode, on %s', (kind) => {
  let database: TestDatabase | undefined;
  let store: Store | undefined;
  let media: TestMedia | undefined;
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) {
      if (child.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
    }
    await store?.close();
    await database?.cleanup();
    media?.cleanup();
  });

  it('leaves no ffmpeg running and nothing half made; another worker finishes the job within 30 s and the temp folder is left empty', { timeout: 120_000 }, async () => {
    database = await createTestDatabase(kind);
    const location = database.schema ? { schema: database.schema } : {};
    const db = openDatabase(database.config, location);
    await migrateToLatest(db, kind, location);
    store = createStore(db, kind);
    // The worker processes run on the real clock: the job must be due for them now.
    const clock = fixedClock(new Date());
    const t = { store, clock, deps: { store, clock } };
    media = testMedia(t);
    const m = media;
    const clip = makeClip(path.join(m.dir, 'clip.mp4'), { width: 1280, height: 720, seconds: 4 });
    const item = await ingestMedia(m.deps, { file: clip, title: 'Survivor' });
    const job = await until('the media job', async () => (await t.store.read.jobs.countByState('queued')) === 1);
    expect(job).toBe(true);

    const tmp = path.join(m.dir, 'worker-tmp');
    fs.mkdirSync(tmp);
    const env = {
      ...process.env,
      DATABASE_URL: database.config.kind === 'sqlite' ? database.config.file : database.config.url,
      ...(database.schema ? { DATABASE_SCHEMA: database.schema } : {}),
      MEDIA_DIR: m.mediaDir,
      ORIGINALS_DIR: m.originalsDir,
      UPLOADS_DIR: path.join(m.dir, 'uploads'),
      TMPDIR: tmp,
      LOG_LEVEL: 'silent',
      // A dead worker's job is taken over this long after its last renewal (15 s by default).
      JOB_LEASE_SECONDS: '3',
    };
    const startWorker = () => {
      // Its own process group, so afterEach can stop whatever is left if the test fails.
      const child = spawn(process.execPath, program('cli', 'worker'), { cwd: ROOT, detached: true, stdio: 'ignore', env });
      children.push(child);
      return child;
    };
    const watcher = watchMediaFolder(m.mediaDir);
    try {
      const first = startWorker();
      // Mid-transcode: the first worker's ffmpeg is encoding the 720p MP4 from the job's scratch folder.
      const encoding = await until('the first worker to encode the 720p MP4', () =>
        processesMentioning(tmp).find((p) => p.ppid === first.pid && p.args.includes('libx264') && p.args.some((a) => a.includes(':720'))),
      );
      const ffmpegs = processesMentioning(tmp).filter((p) => p.ppid === first.pid);
      expect(ffmpegs.map((p) => p.pid)).toContain(encoding.pid);

      // Kill the worker alone, as the kernel's OOM killer would: not its process group.
      process.kill(first.pid ?? 0, 'SIGKILL');
      const killedAt = Date.now();
      await until('the first worker to die', () => first.signalCode);
      // Its ffmpeg dies with it, at once: none of its tools, and nothing working on the job's files.
      await until('no ffmpeg of the killed worker', () => processesMentioning(tmp).length === 0, 5_000);
      for (const { pid } of ffmpegs) expect(fs.existsSync(`/proc/${pid}/cmdline`) && processesMentioning(String(pid)).length > 0).toBe(false);
      const abandoned = leftIn(tmp);
      expect(abandoned).toHaveLength(1);
      expect(abandoned[0]).toContain(`-${first.pid}-`);
      expect((await t.store.read.media.findById(item.id))?.state).toBe('ready');

      // Another worker takes the job over within seconds and finishes it.
      const second = startWorker();
      const done = await until('the job to be done', async () => {
        const row = await t.store.read.jobs.findById(1);
        return row?.state === 'done' ? row : null;
      }, 30_000 - (Date.now() - killedAt));
      expect(Date.now() - killedAt).toBeLessThan(30_000);
      expect(done.attempts).toBe(2);
      const ready = await t.store.read.media.findById(item.id);
      expect(ready?.renditions.map((r) => r.label).sort()).toEqual(['HLS', 'MP4 360p', 'MP4 720p', 'Poster']);
      for (const rendition of ready?.renditions ?? []) expect(fs.existsSync(path.join(m.mediaDir, rendition.path))).toBe(true);

      // The new worker removed the dead one's scratch folder at start, and its own after the job.
      await until('the temp folder to be empty', () => leftIn(tmp).length === 0, 5_000);
      expect(fs.readdirSync(path.join(m.mediaDir, '.partial'))).toEqual([]);

      second.kill('SIGTERM');
      expect(await until('the second worker to stop', () => (second.exitCode === null ? null : { code: second.exitCode }), 10_000)).toEqual({ code: 0 });
    } finally {
      watcher.stop();
    }
    expect([...watcher.problems]).toEqual([]);
    expect(watcher.files().some((file) => file.endsWith('master.m3u8'))).toBe(true);
  });
});
