import { describe, expect, it } from 'vitest';
import { backgroundLog } from '../../src/background-log.js';
import { DomainError } from '../../src/domain/shared/errors.js';

describe('the log of background work', () => {
  const unavailable = new DomainError('DATABASE_UNAVAILABLE', 'unavailable', 'The database cannot be reached', undefined, { reason: 'connect ECONNREFUSED' });

  it('warns about a database away once per kind of work every 30 s, and keeps other failures as errors', () => {
    const lines: string[] = [];
    let now = 0;
    const log = backgroundLog(
      { error: (_context, message) => lines.push(`error ${message}`), warn: (_context, message) => lines.push(`warn ${message}`) },
      30_000,
      () => now,
    );
    for (let second = 0; second < 40; second++) {
      now = second * 1_000;
      log.error({ err: unavailable }, 'event relay failed');
      log.error({ err: unavailable }, 'job worker could not reach the queue');
    }
    log.error({ err: new Error('a bug') }, 'event relay failed');
    expect(lines).toEqual([
      'warn event relay failed: the database is unavailable, trying again',
      'warn job worker could not reach the queue: the database is unavailable, trying again',
      'warn event relay failed: the database is unavailable, trying again',
      'warn job worker could not reach the queue: the database is unavailable, trying again',
      'error event relay failed',
    ]);
  });
});
