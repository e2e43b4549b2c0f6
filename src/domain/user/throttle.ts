/**
 * Repeated sign-in attempts lock a key (an account, or an address) for a while. Every attempt
 * is counted before its password is checked, in one statement that returns the new count
 * (see the sessions repository), so parallel guesses all count: the attempt that comes back
 * over the limit is refused without being evaluated. A successful sign-in gives its attempt
 * back (the account's counter is cleared, the address's decremented).
 */
export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxPerAccount: 5,
  maxPerAddress: 20,
} as const;

/** What the counter said after one more attempt was added. */
export interface AttemptCount {
  /** Attempts in the current window, this one included. */
  readonly attempts: number;
  /** Set once the limit was passed; attempts refused until then. */
  readonly lockedUntil: Date | null;
}

/** An attempt may be evaluated only while its count is within the limit and no lock holds. */
export function mayAttempt(count: AttemptCount, now: Date, max: number): boolean {
  if (count.lockedUntil && count.lockedUntil > now) return false;
  return count.attempts <= max;
}
