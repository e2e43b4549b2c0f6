import { invalid } from '../shared/errors.js';

/**
 * A search's date filter: "from" and "to" as calendar days (YYYY-MM-DD, as a date input sends
 * them), both included, in UTC. Empty: no bound. Anything else is a clear error.
 */
export function parseDateRange(from: string | undefined, to: string | undefined): { from?: Date; until?: Date } {
  const start = parseDay(from, 'from');
  const end = parseDay(to, 'to');
  if (start && end && start > end) throw invalid('DATE_RANGE_INVALID', '"from" must not be after "to"', 'from');
  return {
    ...(start ? { from: start } : {}),
    ...(end ? { until: new Date(end.getTime() + 86_400_000) } : {}),
  };
}

function parseDay(value: string | undefined, field: string): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw invalid('DATE_INVALID', `${field} must be a date written YYYY-MM-DD`, field);
  }
  return date;
}
