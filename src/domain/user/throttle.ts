/**
 * Repeated failed sign-ins lock a key (an account, or an address) for a while. Pure: the
 * store keeps the counters, this decides.
 */
export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxPerAccount: 5,
  maxPerAddress: 20,
} as const;

export interface FailureState {
  readonly failures: number;
  readonly windowStart: Date;
  readonly lockedUntil: Date | null;
}

export function isLocked(state: FailureState | undefined, now: Date): boolean {
  return !!state?.lockedUntil && state.lockedUntil > now;
}

/** The counter after one more failure: a new window when the old one has passed, a lock at the limit. */
export function afterFailure(state: FailureState | undefined, now: Date, max: number): FailureState {
  const fresh = !state || now.getTime() - state.windowStart.getTime() > THROTTLE.windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStart = fresh ? now : state.windowStart;
  return { failures, windowStart, lockedUntil: failures >= max ? new Date(now.getTime() + THROTTLE.lockMs) : null };
}
