import type { Alert, AlertState } from '../../../domain/alert/alert.js';
import type { LanguageService } from '../../../domain/service/service.js';
import { NewsroomLayout, type NewsroomMasthead } from '../../layouts/newsroom.layout.js';
import { FormError, Pager, ServicePicker } from './parts.js';

export interface AlertsPageProps {
  readonly masthead: NewsroomMasthead;
  /** The services the person may send alerts for. */
  readonly services: readonly LanguageService[];
  readonly serviceCode: string;
  readonly alerts: readonly (Alert & { readonly state: AlertState })[];
  readonly page: number;
  readonly hasNext: boolean;
  readonly values: { readonly text: string; readonly linkUrl: string; readonly durationMinutes: string };
  readonly error: string | null;
}

/** One service's breaking-news alerts: send one, see which are live, take one down now. */
export function AlertsPage({ masthead, services, serviceCode, alerts, page, hasNext, values, error }: AlertsPageProps) {
  const { t } = masthead.i18n;
  const csrf = masthead.user?.csrfToken ?? '';
  const pageUrl = (n: number) => `/newsroom/alerts?service=${encodeURIComponent(serviceCode)}&page=${n}`;
  return (
    <NewsroomLayout masthead={masthead} title={t('newsroom.alerts.title')}>
      <h1>{t('newsroom.alerts.title')}</h1>
      <ServicePicker
        masthead={masthead}
        action="/newsroom/alerts"
        id="alerts-service"
        label={t('newsroom.filter.service')}
        none={t('newsroom.alerts.noServices')}
        services={services}
        serviceCode={serviceCode}
      />
      {serviceCode ? (
        <section aria-labelledby="alert-new-title">
          <h2 id="alert-new-title">{t('newsroom.alerts.new')}</h2>
          <FormError error={error} />
          <form method="post" action="/newsroom/alerts" class="newsroom-form">
            <input type="hidden" name="_csrf" value={csrf} />
            <input type="hidden" name="serviceCode" value={serviceCode} />
            <label for="alert-text">{t('newsroom.alerts.text')}</label>
            <input id="alert-text" name="text" required maxLength={280} value={values.text} dir="auto" />
            <label for="alert-link">{t('newsroom.alerts.link')}</label>
            <input id="alert-link" name="linkUrl" maxLength={2000} value={values.linkUrl} aria-describedby="alert-link-help" />
            <p id="alert-link-help" class="meta">
              {t('newsroom.alerts.linkHelp')}
            </p>
            <label for="alert-duration">{t('newsroom.alerts.duration')}</label>
            <input id="alert-duration" name="durationMinutes" type="number" required min="1" max={String(7 * 24 * 60)} value={values.durationMinutes} />
            <button type="submit">{t('newsroom.alerts.send')}</button>
          </form>
        </section>
      ) : null}
      {serviceCode && alerts.length === 0 ? <p>{t('newsroom.alerts.none')}</p> : null}
      {alerts.length > 0 ? (
        <ul class="story-list" aria-label={t('newsroom.alerts.list')}>
          {alerts.map((alert) => (
            <li>
              <p>
                <strong>{alert.text}</strong>
                {alert.linkUrl ? (
                  <>
                    {' '}
                    (<a href={alert.linkUrl}>{alert.linkUrl}</a>)
                  </>
                ) : null}
              </p>
              <p class="meta">
                {t(`newsroom.alerts.state.${alert.state}`)} ·{' '}
                {t('newsroom.alerts.times', { start: masthead.i18n.dateTime(alert.startsAt), end: masthead.i18n.dateTime(alert.expiresAt) })}
              </p>
              {alert.state !== 'expired' ? (
                <form method="post" action={`/newsroom/alerts/${alert.id}/expire`}>
                  <input type="hidden" name="_csrf" value={csrf} />
                  <input type="hidden" name="service" value={serviceCode} />
                  <button type="submit" aria-label={t('newsroom.alerts.expireThis', { text: alert.text })}>
                    {t('newsroom.alerts.expire')}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <Pager masthead={masthead} page={page} hasNext={hasNext} pageUrl={pageUrl} />
    </NewsroomLayout>
  );
}
