/**
 * Relative times ("2 hours ago") beside the absolute ones, in the page's language. Done in the
 * browser because pages are cached: a relative time rendered on the server would be wrong an
 * hour later. Without this script the absolute time stands alone.
 */
const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

const format = new Intl.RelativeTimeFormat(document.documentElement.lang || undefined, { numeric: 'auto' });
document.querySelectorAll<HTMLTimeElement>('time[data-relative]').forEach((time) => {
  const seconds = (Date.parse(time.dateTime) - Date.now()) / 1000;
  if (!Number.isFinite(seconds) || seconds > 60) return;
  const [unit, size] = UNITS.find(([, size]) => Math.abs(seconds) >= size) ?? ['second', 1];
  const relative = document.createElement('span');
  relative.className = 'relative-time';
  relative.textContent = format.format(Math.round(seconds / size), unit);
  time.before(relative, ' · ');
});
