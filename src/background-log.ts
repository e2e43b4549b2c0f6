import { isDomainError } from './domain/shared/errors.js';

export interface BackgroundLog {
  error(context: object, message: string): void;
}

/**
 * The log of work that runs on its own (event relay, scheduler, job workers, the pool): a
 * failure because the database is away is expected during a restart or failover and the work
 * tries again by itself, so it is one warning per kind of work every `quietMs`, not an error
 * a second. Every other failure is an error, as before.
 */
export function backgroundLog(
  target: { error(context: object, message: string): void; warn(context: object, message: string): void },
  quietMs = 30_000,
  now: () => number = Date.now,
): BackgroundLog & { connectionLost(error: Error): void } {
  const lastWarned = new Map<string, number>();
  const warnOnce = (message: string, context: object) => {
    const at = now();
    if (at - (lastWarned.get(message) ?? -Infinity) < quietMs) return;
    lastWarned.set(message, at);
    target.warn(context, message);
  };
  return {
    error(context, message) {
      const error = 'err' in context ? context.err : undefined;
      if (isDomainError(error) && error.kind === 'unavailable') {
        warnOnce(`${message}: the database is unavailable, trying again`, { code: error.code, reason: error.context?.reason });
      } else {
        target.error(context, message);
      }
    },
    connectionLost(error) {
      warnOnce('a database connection was lost; the next query opens a new one', { reason: error.message });
    },
  };
}
