import { DomainError } from '../../domain/shared/errors.js';

export interface Limit {
  readonly max: number;
  readonly windowMs: number;
}

export interface RateLimits {
  readonly perAddress: Limit;
  readonly perStory: Limit;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  perAddress: { max: 5, windowMs: 60_000 },
  perStory: { max: 120, windowMs: 60_000 },
};

/**
 * Sliding-window limits kept in this process: enough for one node. Keys are salted hashes,
 * never addresses. The oldest keys are dropped when the table grows past `maxKeys`.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limits: RateLimits = DEFAULT_RATE_LIMITS,
    private readonly maxKeys = 100_000,
  ) {}

  /** Counts one post for each key, or refuses (counting nothing) when any is over its limit. */
  take(keys: ReadonlyArray<{ key: string; limit: Limit }>, now: number): void {
    const windows = keys.map(({ key, limit }) => {
      const recent = (this.hits.get(key) ?? []).filter((at) => at > now - limit.windowMs);
      return { key, limit, recent };
    });
    const over = windows.find((w) => w.recent.length >= w.limit.max);
    if (over) {
      throw new DomainError('RATE_LIMITED', 'Too many comments in a short time; please wait a minute and try again');
    }
    for (const { key, recent } of windows) {
      recent.push(now);
      this.hits.delete(key);
      this.hits.set(key, recent);
    }
    while (this.hits.size > this.maxKeys) {
      const oldest = this.hits.keys().next().value;
      if (oldest === undefined) break;
      this.hits.delete(oldest);
    }
  }
}
