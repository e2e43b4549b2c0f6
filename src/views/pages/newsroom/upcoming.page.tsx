import { dateTimeFields } from '../../../domain/shared/time-zone.js';
import { formatInZone, type TimeZones } from '../../components/newsroom/zoned-time.js';
import { NewsroomLayout, type NewsroomMasthead } from '../../layouts/newsroom.layout.js';

export interface UpcomingRow {
  readonly id: number;
  readonly serviceCode: string;
  readonly headline: string;
  readonly kind: 'publish' | 'update';
  readonly at: Date;
}

export interface UpcomingPageProps {
  readonly masthead: NewsroomMasthead;
  readonly items: readonly UpcomingRow[];
  /** The person's zone (days and times); the service's zone is per row. */
  readonly zone: string;
  readonly serviceZones: ReadonlyMap<string, string>;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "Tuesday, 1 December 2026" in the locale's words, on the calendar of `zone`. */
function dayName(locale: string, at: Date, zone: string): string {
  const key = `${locale}|${zone}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: zone });
    dayFormats.set(key, format);
  }
  return format.format(at);
}

/** /newsroom/upcoming: what publishes or goes live next, grouped by day in the person's zone, like a calendar's agenda. */
export function UpcomingPage({ masthead, items, zone, serviceZones }: UpcomingPageProps) {
  const { i18n } = masthead;
  const { t } = i18n;
  const days = new Map<string, UpcomingRow[]>();
  for (const item of items) {
    const day = dateTimeFields(item.at, zone).date;
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  return (
    <NewsroomLayout masthead={masthead} title={t('newsroom.upcoming.title')}>
      <h1>{t('newsroom.upcoming.title')}</h1>
      <p class="meta">
        {t('newsroom.upcoming.intro', { zone })} <a href="/newsroom/account#time-zone">{t('newsroom.timeZone.title')}</a>
      </p>
      {items.length === 0 ? <p>{t('newsroom.upcoming.none')}</p> : null}
      {[...days.entries()].map(([day, rows]) => (
        <section class="upcoming-day" aria-labelledby={`day-${day}`}>
          <h2 id={`day-${day}`}>
            <time dateTime={day}>{dayName(i18n.locale, rows[0]!.at, zone)}</time>
          </h2>
          <ul class="upcoming-list">
            {rows.map((row) => {
              const zones: TimeZones = { own: zone, service: serviceZones.get(row.serviceCode) ?? 'UTC' };
              const time = dateTimeFields(row.at, zones.own).time;
              return (
                <li>
                  <time dateTime={row.at.toISOString()}>{time}</time> {t(`newsroom.upcoming.${row.kind}`)}:{' '}
                  <a href={`/newsroom/stories/${row.id}`}>
                    <bdi>{row.headline}</bdi>
                  </a>{' '}
                  <span class="meta">
                    ({row.serviceCode}
                    {zones.service !== zones.own ? `; ${t('newsroom.time.alongside', { time: `${formatInZone(i18n.locale, row.at, zones.service)} ${zones.service}` })}` : ''})
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </NewsroomLayout>
  );
}
