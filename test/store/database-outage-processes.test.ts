import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestMedia } from '../../src/actions/media/ingest-media.js';
import { systemClock } from '../../src/domain/shared/clock.js';
import { createEventBus } from '../../src/events/event-bus.js';
import { migrateToLatest, openDatabase } from '../../src/store/open-store.js';
import { createStore, type Store } from '../../src/store/store.js';
import { createTestDatabase, POSTGRES_URL, type TestDatabase } from '../support/databases.js';
import { givenPublishedStory, givenService, storyInput } from '../support/factories.js';
import { makeClip, testMedia, type TestMedia } from '../support/media.js';
import { API, givenUser } from '../support/newsroom.js';
import { program } from '../support/programs.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Waits for a condition the test cannot be told about (another process's progress), with a deadline. */
async function until<T>(what: string, probe: () => Promise<T | null | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(100);
  }
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Running {
  readonly child: ChildProcess;
  readonly output: () => string;
}

function start(args: string[], env: NodeJS.ProcessEnv): Running {
  const child = spawn(process.execPath, args, { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

const count = (statuses: number[]) => JSON.stringify(Object.fromEntries([...new Set(statuses)].map((s) => [s, statuses.filter((x) => x === s).length])));
const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

describe('app and `dateline worker` processes on PostgreSQL whose connections are ended', () => {
  let database: TestDatabase | undefined;
  let store: Store | undefined;
  let media: TestMedia | undefined;
  const processes: Running[] = [];
  afterEach(async () => {
    for (const { child } of processes.splice(0)) {
      if (child.pid && alive(child)) {
        process.kill(-child.pid, 'SIGTERM');
        await until('a process to stop', async () => !alive(child), 10_000).catch(() => child.pid && process.kill(-child.pid, 'SIGKILL'));
      }
    }
    await store?.close();
    media?.cleanup();
    await database?.cleanup();
  });

  it('stay up, answer 503 or succeed meanwhile, lose no acknowledged write, and work again without a restart', { timeout: 180_000 }, async () => {
    database = await createTestDatabase('postgres');
    const schema = database.schema ?? '';
    const db = openDatabase(database.config, { schema });
    await migrateToLatest(db, 'postgres', { schema });
    store = createStore(db, 'postgres');
    const deps = { store, clock: systemClock, events: createEventBus(() => undefined) };
    await givenService(deps);
    const editor = await givenUser(deps, 'editor', [{ role: 'editor', serviceCode: 'en' }]);
    await givenPublishedStory(deps, { headline: 'Budget Passes', slug: 'budget-passes' });
    media = testMedia({ deps });

    const tag = randomBytes(4).toString('hex');
    const appName = `dl_test_app_${tag}`;
    const workerName = `dl_test_worker_${tag}`;
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = {
      ...process.env,
      DATABASE_URL: POSTGRES_URL,
      DATABASE_SCHEMA: schema,
      MEDIA_DIR: media.mediaDir,
      ORIGINALS_DIR: media.originalsDir,
      UPLOADS_DIR: path.join(media.dir, 'uploads'),
      SECRET_FILE: path.join(media.dir, 'secret'),
      TMPDIR: media.tempDir,
      DEMO: 'false',
      WORKERS: '0',
      LOG_LEVEL: 'warn',
    };
    const app = start(program('main'), { ...env, PORT: String(port), HOST: '127.0.0.1', PGAPPNAME: appName });
    const worker = start(program('cli', 'worker'), { ...env, PGAPPNAME: workerName });
    processes.push(app, worker);

    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    try {
      await until('the app to be ready', async () => (await fetch(`${base}/readyz`)).status === 200, 60_000);
      const backends = async (name: string) =>
        Number((await admin.query('select count(*) as n from pg_stat_activity where application_name = $1', [name])).rows[0].n);
      await until('the worker to use the database', async () => (await backends(workerName)) > 0, 60_000);

      // Readers (a page that needs the database each time) and writers (new stories) meanwhile.
      let running = true;
      const statuses = { reads: [] as number[], writes: [] as number[] };
      const missingRetryAfter: string[] = [];
      const acknowledged: number[] = [];
      const note = (what: string, response: Response) => {
        if (response.status === 503 && response.headers.get('retry-after') !== '5') missingRetryAfter.push(what);
      };
      const reader = async () => {
        while (running) {
          const response = await fetch(`${base}/en/search?q=budget`);
          await response.arrayBuffer();
          statuses.reads.push(response.status);
          note('read', response);
        }
      };
      const writer = async (n: number) => {
        for (let i = 0; running; i++) {
          const response = await fetch(`${base}${API}/stories`, {
            method: 'POST',
            headers: { ...editor.bearer, 'content-type': 'application/json' },
            body: JSON.stringify(storyInput({ headline: `Written ${n}-${i}` })),
          });
          const body = (await response.json()) as { id?: number };
          statuses.writes.push(response.status);
          note('write', response);
          if (response.status === 201 && body.id) acknowledged.push(body.id);
        }
      };
      const load = [reader(), reader(), writer(1), writer(2)];

      // End both processes' connections again and again, as a restart or failover would.
      const killed = new Map<string, number>();
      for (let round = 0; round < 12; round++) {
        await delay(300);
        const { rows } = await admin.query<{ application_name: string }>(
          'select application_name from pg_stat_activity where application_name = any($1) and pg_terminate_backend(pid)',
          [[appName, workerName]],
        );
        for (const row of rows) killed.set(row.application_name, (killed.get(row.application_name) ?? 0) + 1);
      }
      await delay(300);
      running = false;
      await Promise.all(load);

      expect(alive(app.child)).toBe(true);
      expect(alive(worker.child)).toBe(true);
      expect(killed.get(appName)).toBeGreaterThan(0);
      expect(killed.get(workerName)).toBeGreaterThan(0);
      expect(statuses.reads.filter((s) => s !== 200 && s !== 503)).toEqual([]);
      expect(statuses.writes.filter((s) => s !== 201 && s !== 503)).toEqual([]);
      expect(statuses.reads.filter((s) => s === 200).length).toBeGreaterThan(0);
      expect(missingRetryAfter).toEqual([]);
      console.log(`reads ${count(statuses.reads)}, writes ${count(statuses.writes)}, backends ended ${JSON.stringify([...killed.values()])}`);
      // Every write that was answered 201 is in the database.
      expect(acknowledged.length).toBeGreaterThan(0);
      expect((await store.read.stories.existingIds(acknowledged)).sort((a, b) => a - b)).toEqual([...acknowledged].sort((a, b) => a - b));

      // New requests succeed at once, without restarting anything.
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      expect((await fetch(`${base}/en/search?q=budget`)).status).toBe(200);
      const after = await fetch(`${base}${API}/stories`, {
        method: 'POST',
        headers: { ...editor.bearer, 'content-type': 'application/json' },
        body: JSON.stringify(storyInput({ headline: 'Written After' })),
      });
      expect(after.status).toBe(201);
      // The worker takes new work.
      const clip = makeClip(path.join(media.dir, 'clip.mp4'), { width: 320, height: 240, seconds: 1 });
      const item = await ingestMedia(media.deps, { file: clip, title: 'After The Outage' });
      await until('the worker to finish the new job', async () => (await store?.read.media.findById(item.id))?.state === 'ready', 60_000);

      // A lost connection is a warning, never an error line per request.
      const appLines = app.output().split('\n').filter((line) => line.startsWith('{'));
      expect(appLines.filter((line) => (JSON.parse(line) as { level: number }).level >= 50)).toEqual([]);
      expect(worker.output().split('\n').filter((line) => line.startsWith('error'))).toEqual([]);
    } finally {
      await admin.end();
    }
  });
});
