import type { Job } from '../domain/jobs/job.js';

export interface JobContext {
  readonly job: Job;
  /** Aborted when the worker stops: stop work (kill ffmpeg) and return. */
  readonly signal: AbortSignal;
  /** True on the run after which the queue gives up if it fails. */
  readonly lastAttempt: boolean;
}

/** What a job type does. `gaveUp` runs once when the queue stops retrying (to mark things failed). */
export interface JobHandler {
  run(payload: unknown, context: JobContext): Promise<void>;
  gaveUp?(payload: unknown, reason: string): Promise<void>;
}

export type JobHandlers = Readonly<Record<string, JobHandler>>;

/** An error no retry can fix (bad input, a corrupt file): the job fails at once. */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}
