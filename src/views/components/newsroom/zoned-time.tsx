import type { Translator } from '../../../i18n/i18n.js';

/** The zones a newsroom time is shown in: the person's own, and the story's service's beside it. */
export interface TimeZones {
  readonly own: string;
  readonly service: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** "1 December 2026 at 14:30" on the wall clocks of `zone`, in the locale's words. */
export function formatInZone(locale: string, at: Date, zone: string): string {
  const key = `${locale}|${zone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: zone });
    formats.set(key, format);
  }
  return format.format(at);
}

/**
 * A newsroom time: in the person's zone, named, with the service's zone beside it when it
 * differs: "1 December 2026 at 14:30 (Asia/Bishkek; 08:30 UTC in the service’s zone)".
 */
export function ZonedTime({ i18n, at, zones }: { i18n: Translator; at: Date; zones: TimeZones }) {
  const own = `${formatInZone(i18n.locale, at, zones.own)} (${zones.own})`;
  const alongside =
    zones.service === zones.own ? '' : `; ${i18n.t('newsroom.time.alongside', { time: `${formatInZone(i18n.locale, at, zones.service)} ${zones.service}` })}`;
  return (
    <time dateTime={at.toISOString()} class="zoned-time">
      {own}
      {alongside}
    </time>
  );
}
