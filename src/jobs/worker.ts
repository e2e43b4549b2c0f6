import { randomBytes } from 'node:crypto';
import { isDomainError } from '../domain/shared/errors.js';
import type { Clock } from '../domain/shared/clock.js';
import { DEFAULT_LEASE_MS, DEFAULT_RETRY, readableError, retryDelayMs, type Job, type RetryPolicy } from '../domain/jobs/job.js';
import type { Repositories, Store } from '../store/store.js';
import { PermanentJobError, type JobHandlers } from './job-handler.js';

export interface WorkerOptions {
  readonly store: Store;
  readonly clock: Clock;
  readonly handlers: JobHandlers;
  /**
   * How long a claim holds a job before another worker may take it (the worker is presumed
   * dead). Short, and renewed by a heartbeat every third of it while the job runs.
   */
  readonly leaseMs?: number;
  /** Pause between polls of an empty queue. */
  readonly pollMs?: number;
  readonly retry?: RetryPolicy;
  readonly name?: string;
  /** A fresh token per claim. */
  readonly newToken?: () => string;
  /** A line per job run (type, id, outcome, duration) at info; queue failures at error. */
  readonly log?: { info(context: object, message: string): void; error(context: object, message: string): void };
}

/** `lost`: the lease ran out (another worker holds the job now); the run was stopped and changed nothing. */
export type RunOutcome = 'idle' | 'done' | 'retrying' | 'failed' | 'released' | 'lost';

export interface Worker {
  /** Claims and runs one due job, if any. Tests drive the queue with this; no sleeping. */
  runOnce(): Promise<RunOutcome>;
  /** Polls in the background until stop(). */
  start(): void;
  /** Stops polling; a running job is interrupted and handed back to the queue. */
  stop(): Promise<void>;
}

export function createWorker(options: WorkerOptions): Worker {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const pollMs = options.pollMs ?? 1_000;
  const retry = options.retry ?? DEFAULT_RETRY;
  const name = options.name ?? `worker-${process.pid}`;
  const newToken = options.newToken ?? (() => `${name}/${randomBytes(8).toString('hex')}`);
  const { store, clock, handlers } = options;
  /** Each change to the queue is a write of its own: one statement in its own transaction. */
  const queue = <T>(write: (jobs: Repositories['jobs']) => Promise<T>): Promise<T> => store.transaction((repos) => write(repos.jobs));
  const stopping = new AbortController();
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  async function giveUp(job: Job, token: string, reason: string): Promise<RunOutcome> {
    if (!(await queue((jobs) => jobs.fail(job.id, token, reason, clock.now())))) return 'lost';
    await handlers[job.type]?.gaveUp?.(job.payload, reason);
    return 'failed';
  }

  async function runOnce(): Promise<RunOutcome> {
    const token = newToken();
    const job = await queue((jobs) => jobs.claimNext(token, clock.now(), leaseMs));
    if (!job) return 'idle';
    const started = performance.now();
    const outcome = await run(job, token);
    options.log?.info(
      { job: { id: job.id, type: job.type, attempt: job.attempts }, outcome, ms: Math.round(performance.now() - started) },
      'job',
    );
    return outcome;
  }

  async function run(job: Job, token: string): Promise<RunOutcome> {
    if (job.attempts > job.maxAttempts) {
      return giveUp(job, token, job.lastError ?? `stopped after ${job.maxAttempts} attempts: the worker running it stopped responding`);
    }
    const handler = handlers[job.type];
    if (!handler) return giveUp(job, token, `no handler for job type "${job.type}"`);

    // Stopped by the worker stopping, or by the heartbeat finding the claim lost.
    const run = new AbortController();
    const stop = () => run.abort();
    stopping.signal.addEventListener('abort', stop);
    let lost = false;
    const heartbeat = setInterval(() => {
      queue((jobs) => jobs.extendLease(job.id, token, new Date(clock.now().getTime() + leaseMs)))
        .then((held) => {
          if (held) return;
          lost = true;
          run.abort();
        })
        // The database away for a moment: the next beat tries again; the lease holds until then.
        .catch(() => undefined);
    }, Math.max(1_000, Math.floor(leaseMs / 3)));
    heartbeat.unref();
    try {
      await handler.run(job.payload, { job, signal: run.signal, lastAttempt: job.attempts >= job.maxAttempts });
    } catch (error) {
      if (lost) return 'lost';
      if (stopping.signal.aborted) {
        return (await queue((jobs) => jobs.release(job.id, token, clock.now()))) ? 'released' : 'lost';
      }
      const reason = readableError(error);
      const permanent = error instanceof PermanentJobError || (isDomainError(error) && error.kind === 'invalid');
      if (permanent || job.attempts >= job.maxAttempts) return giveUp(job, token, reason);
      const runAt = new Date(clock.now().getTime() + retryDelayMs(job.attempts, retry));
      return (await queue((jobs) => jobs.retryLater(job.id, token, reason, runAt, clock.now()))) ? 'retrying' : 'lost';
    } finally {
      clearInterval(heartbeat);
      stopping.signal.removeEventListener('abort', stop);
    }
    return (await queue((jobs) => jobs.complete(job.id, token, clock.now()))) ? 'done' : 'lost';
  }

  async function poll(): Promise<void> {
    while (!stopping.signal.aborted) {
      let outcome: RunOutcome = 'idle';
      try {
        outcome = await runOnce();
      } catch (error) {
        options.log?.error({ err: error }, 'job worker could not reach the queue');
      }
      if (outcome === 'idle' && !stopping.signal.aborted) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
    }
  }

  return {
    runOnce,
    start() {
      loop ??= poll();
    },
    async stop() {
      stopping.abort();
      wake?.();
      await loop;
    },
  };
}
