import { invalid } from './errors.js';

/** The longest IANA time zone name taken ("America/Argentina/ComodRivadavia" is 32). */
export const TIME_ZONE_MAX_LENGTH = 64;

/** Is this an IANA time zone name this runtime knows ("Asia/Bishkek", "UTC")? */
export function isTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > TIME_ZONE_MAX_LENGTH || !/^[A-Za-z0-9_+\-/]+$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A time zone a person chose: its IANA name, or TIME_ZONE_UNKNOWN naming the field. */
export function parseTimeZone(value: unknown, field = 'timeZone'): string {
  const zone = typeof value === 'string' ? value.trim() : '';
  if (!isTimeZone(zone)) throw invalid('TIME_ZONE_UNKNOWN', `"${String(value ?? '').slice(0, 80)}" is not a known time zone (an IANA name such as Asia/Bishkek or Europe/Moscow)`, field);
  return zone;
}

interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time in `zone` at `at`. */
export function wallTimeIn(at: Date, zone: string): WallTime {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    partsFormats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour) % 24, minute: Number(parts.minute) };
}

/** How far `zone` is ahead of UTC at `at`, in minutes. */
function offsetMinutes(at: Date, zone: string): number {
  const wall = wallTimeIn(at, zone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The moment a date ("2026-12-01") and time ("14:30") mean on the wall clocks of `zone`. A
 * time skipped by a clock change is read with the offset before it; a repeated one, the first.
 * Undefined when the text is not a date and time.
 */
export function zonedTimeToDate(date: string, time: string, zone: string): Date | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return undefined;
  const [year, month, day, hour, minute] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(naive);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) {
    return undefined;
  }
  // Two passes settle the offset at the moment itself (it may differ from the naive guess's).
  let at = naive - offsetMinutes(new Date(naive), zone) * 60_000;
  at = naive - offsetMinutes(new Date(at), zone) * 60_000;
  return new Date(at);
}

/** The date and time fields of a form for `at` in `zone`: ["2026-12-01", "14:30"]. */
export function dateTimeFields(at: Date, zone: string): { date: string; time: string } {
  const w = wallTimeIn(at, zone);
  const pad = (n: number, size = 2) => String(n).padStart(size, '0');
  return { date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}
