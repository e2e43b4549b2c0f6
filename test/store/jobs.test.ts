import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorker, type WorkerOptions } from '../../src/jobs/worker.js';
import { PermanentJobError, type JobHandler } from '../../src/jobs/job-handler.js';
import { STORE_KINDS } from '../support/databases.js';
import { openTestStore, T0, type TestStore } from '../support/store.js';

const LEASE = 60_000;
const RETRY = { baseDelayMs: 1_000, maxDelayMs: 10_000 };

describe.each(STORE_KINDS)('job queue on %s', (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
  });
  afterEach(async () => t.close());

  const worker = (handlers: Record<string, JobHandler>, extra: Partial<WorkerOptions> = {}) =>
    createWorker({ store: t.store, clock: t.clock, handlers, leaseMs: LEASE, retry: RETRY, ...extra });

  it('runs a queued job once, with its payload, and marks it done', async () => {
    const seen: unknown[] = [];
    const job = await t.store.read.jobs.enqueue({ type: 'greet', payload: { name: 'Roza' } }, t.clock.now());
    const w = worker({ greet: { run: async (payload) => void seen.push(payload) } });
    expect(await w.runOnce()).toBe('done');
    expect(await w.runOnce()).toBe('idle');
    expect(seen).toEqual([{ name: 'Roza' }]);
    expect(await t.store.read.jobs.findById(job.id)).toMatchObject({ state: 'done', attempts: 1, lockedBy: null, lastError: null });
  });

  it('waits for a job scheduled later', async () => {
    await t.store.read.jobs.enqueue({ type: 'greet', payload: null, runAt: new Date(T0.getTime() + 5_000) }, t.clock.now());
    const w = worker({ greet: { run: async () => undefined } });
    expect(await w.runOnce()).toBe('idle');
    t.clock.advance(5_000);
    expect(await w.runOnce()).toBe('done');
  });

  it('retries a failing job with exponential backoff, then gives up with the last error', async () => {
    const gaveUp: string[] = [];
    const job = await t.store.read.jobs.enqueue({ type: 'flaky', payload: 7, maxAttempts: 3 }, t.clock.now());
    let runs = 0;
    const w = worker({
      flaky: {
        run: async () => {
          runs += 1;
          throw new Error(`disk full (run ${runs})`);
        },
        gaveUp: async (payload, reason) => void gaveUp.push(`${String(payload)}: ${reason}`),
      },
    });

    expect(await w.runOnce()).toBe('retrying');
    expect(await t.store.read.jobs.findById(job.id)).toMatchObject({
      state: 'queued',
      attempts: 1,
      lastError: 'disk full (run 1)',
      runAt: new Date(T0.getTime() + 1_000),
    });
    expect(await w.runOnce()).toBe('idle');

    t.clock.advance(1_000);
    expect(await w.runOnce()).toBe('retrying');
    expect((await t.store.read.jobs.findById(job.id))?.runAt).toEqual(new Date(T0.getTime() + 1_000 + 2_000));
    t.clock.advance(1_999);
    expect(await w.runOnce()).toBe('idle');

    t.clock.advance(1);
    expect(await w.runOnce()).toBe('failed');
    expect(await t.store.read.jobs.findById(job.id)).toMatchObject({ state: 'failed', attempts: 3, lastError: 'disk full (run 3)' });
    expect(gaveUp).toEqual(['7: disk full (run 3)']);
    t.clock.advance(60_000);
    expect(await w.runOnce()).toBe('idle');
    expect(runs).toBe(3);
  });

  it('fails at once on an error no retry can fix', async () => {
    const job = await t.store.read.jobs.enqueue({ type: 'bad', payload: null }, t.clock.now());
    const w = worker({ bad: { run: async () => Promise.reject(new PermanentJobError('not a video')) } });
    expect(await w.runOnce()).toBe('failed');
    expect(await t.store.read.jobs.findById(job.id)).toMatchObject({ state: 'failed', attempts: 1, lastError: 'not a video' });
  });

  it('fails a job of a type nobody handles, saying so', async () => {
    const job = await t.store.read.jobs.enqueue({ type: 'mystery', payload: null }, t.clock.now());
    expect(await worker({}).runOnce()).toBe('failed');
    expect((await t.store.read.jobs.findById(job.id))?.lastError).toBe('no handler for job type "mystery"');
  });

  it('takes back a job whose worker died once its lease ends, and the dead claim cannot finish it', async () => {
    const job = await t.store.read.jobs.enqueue({ type: 'greet', payload: null }, t.clock.now());
    const dead = await t.store.read.jobs.claimNext('dead-worker', t.clock.now(), LEASE);
    expect(dead).toMatchObject({ id: job.id, state: 'running', attempts: 1 });

    let ran = 0;
    const w = worker({ greet: { run: async () => void (ran += 1) } });
    t.clock.advance(LEASE - 1);
    expect(await w.runOnce()).toBe('idle');
    t.clock.advance(1);
    expect(await w.runOnce()).toBe('done');
    expect(ran).toBe(1);
    expect(await t.store.read.jobs.findById(job.id)).toMatchObject({ state: 'done', attempts: 2 });
    expect(await t.store.read.jobs.complete(job.id, 'dead-worker', t.clock.now())).toBe(false);
    expect(await t.store.read.jobs.fail(job.id, 'dead-worker', 'late', t.clock.now())).toBe(false);
    expect((await t.store.read.jobs.findById(job.id))?.state).toBe('done');
  });

  it('gives up on a job whose workers kept dying', async () => {
    const job = await t.store.read.jobs.enqueue({ type: 'greet', payload: null, maxAttempts: 1 }, t.clock.now());
    await t.store.read.jobs.claimNext('dead-worker', t.clock.now(), LEASE);
    t.clock.advance(LEASE);
    expect(await worker({ greet: { run: async () => undefined } }).runOnce()).toBe('failed');
    expect((await t.store.read.jobs.findById(job.id))?.lastError).toMatch(/stopped responding/);
  });

  it('gives each of two simultaneous claims a different job', async () => {
    await t.store.read.jobs.enqueue({ type: 'a', payload: 1 }, t.clock.now());
    await t.store.read.jobs.enqueue({ type: 'a', payload: 2 }, t.clock.now());
    const claims = await Promise.all(
      [1, 2, 3].map((n) => t.store.read.jobs.claimNext(`w${n}`, t.clock.now(), LEASE)),
    );
    const ids = claims.filter((c) => c !== null).map((c) => c?.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    expect(await t.store.read.jobs.countByState('running')).toBe(2);
  });

  it('renews the lease of a running job, so no other worker takes it while it runs', async () => {
    const lease = 3_000;
    const job = await t.store.read.jobs.enqueue({ type: 'long', payload: null }, t.clock.now());
    let finish!: () => void;
    const w = worker({ long: { run: () => new Promise<void>((resolve) => (finish = resolve)) } }, { leaseMs: lease });
    const running = w.runOnce();
    await until(async () => (await t.store.read.jobs.findById(job.id))?.state === 'running');
    // Time passes; the heartbeat (every third of the lease) carries the lease on from the clock's now.
    t.clock.advance(2_000);
    await until(async () => (await t.store.read.jobs.findById(job.id))?.leaseUntil?.getTime() === T0.getTime() + 2_000 + lease);
    t.clock.advance(2_000);
    expect(await t.store.read.jobs.claimNext('other-worker', t.clock.now(), lease)).toBeNull();
    finish();
    expect(await running).toBe('done');
    expect(await t.store.read.jobs.findById(job.id)).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('stops a run whose lease another worker took over, and the stopped run changes nothing', async () => {
    const lease = 3_000;
    const job = await t.store.read.jobs.enqueue({ type: 'long', payload: null }, t.clock.now());
    let aborted = false;
    const w = worker(
      {
        long: {
          run: (_payload, { signal }) =>
            new Promise<void>((_resolve, reject) => {
              signal.addEventListener('abort', () => {
                aborted = true;
                reject(new Error('stopped'));
              });
            }),
        },
      },
      { leaseMs: lease },
    );
    const running = w.runOnce();
    await until(async () => (await t.store.read.jobs.findById(job.id))?.state === 'running');
    // This worker stalled past its lease (a long pause): another one took the job.
    t.clock.advance(lease);
    expect(await t.store.read.jobs.claimNext('other-worker', t.clock.now(), lease)).toMatchObject({ id: job.id, attempts: 2 });
    expect(await running).toBe('lost');
    expect(aborted).toBe(true);
    expect(await t.store.read.jobs.findById(job.id)).toMatchObject({ state: 'running', lockedBy: 'other-worker', attempts: 2, lastError: null });
  });

  it('hands a running job back to the queue when the worker stops, without counting the attempt', async () => {
    const job = await t.store.read.jobs.enqueue({ type: 'long', payload: null }, t.clock.now());
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const w = worker({
      long: {
        run: (_payload, { signal }) =>
          new Promise((_resolve, reject) => {
            started();
            signal.addEventListener('abort', () => reject(new Error('interrupted')));
          }),
      },
    });
    w.start();
    await running;
    await w.stop();
    expect(await t.store.read.jobs.findById(job.id)).toMatchObject({ state: 'queued', attempts: 0, lockedBy: null });
  });
});

/** Waits for the worker's heartbeat (a real timer, once a second here), with a deadline. */
async function until(condition: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
