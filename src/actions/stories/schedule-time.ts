import { invalid } from '../../domain/shared/errors.js';

/** A time to schedule for must still be ahead: a past one is explained, never taken as "now". */
export function requireFutureTime(at: Date, now: Date, field = 'at'): void {
  if (Number.isNaN(at.getTime())) throw invalid('FIELD_INVALID', 'the time is not a date and time', field);
  if (at.getTime() <= now.getTime()) {
    throw invalid('SCHEDULE_TIME_PAST', 'this time has already passed: choose a time in the future (or publish now)', field);
  }
}
