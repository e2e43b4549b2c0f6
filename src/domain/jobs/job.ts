/**
 * queued: waits for its run time; running: a worker holds it until its lease ends (a worker
 * that dies leaves it to be claimed again after the lease); done; failed: gave up, see lastError.
 */
export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface Job {
  readonly id: number;
  readonly type: string;
  /** Parsed JSON; each handler parses it into its own type. */
  readonly payload: unknown;
  readonly state: JobState;
  /** Runs started so far, the current one included. */
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly runAt: Date;
  readonly leaseUntil: Date | null;
  /** Token of the claim that holds the job; a late answer from an older claim is ignored. */
  readonly lockedBy: string | null;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly modifiedAt: Date;
}

export interface NewJob {
  readonly type: string;
  readonly payload: unknown;
  readonly maxAttempts?: number;
  readonly runAt?: Date;
}

export interface RetryPolicy {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** A dead worker's job is taken over within this (plus a poll), a live one's lease renewed every third of it. */
export const DEFAULT_LEASE_MS = 15_000;

export const DEFAULT_RETRY: RetryPolicy = { baseDelayMs: 30_000, maxDelayMs: 60 * 60_000 };
export const DEFAULT_MAX_ATTEMPTS = 5;

/** Exponential backoff: base, 2×base, 4×base... after the 1st, 2nd, 3rd failed attempt, capped. */
export function retryDelayMs(failedAttempt: number, policy: RetryPolicy = DEFAULT_RETRY): number {
  const exponent = Math.max(0, Math.min(failedAttempt - 1, 30));
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
}

/** Errors are stored for people to read: one trimmed text of bounded length. */
export function readableError(error: unknown, limit = 2_000): string {
  const text = error instanceof Error ? error.message : String(error);
  const trimmed = text.trim() || 'unknown error';
  return trimmed.length > limit ? `${trimmed.slice(0, limit - 1)}…` : trimmed;
}
