import type { ContentApiKey } from '../../../domain/distribution/content-api-key.js';
import { WEBHOOK_EVENTS, type WebhookDelivery, type WebhookEndpoint } from '../../../domain/distribution/webhook.js';
import type { LanguageService } from '../../../domain/service/service.js';
import { NewsroomLayout, type NewsroomChrome } from '../../layouts/newsroom.layout.js';
import { FormError } from './parts.js';

export interface DistributionPageModel {
  readonly keys: readonly ContentApiKey[];
  readonly webhooks: readonly WebhookEndpoint[];
  readonly services: readonly LanguageService[];
  /** What was just issued, shown this once. */
  readonly issuedKey?: string | null;
  readonly issuedSecret?: string | null;
  readonly error?: string | null;
}

/** /newsroom/distribution (admins): Content API keys and webhook endpoints, each with its form. */
export function DistributionPage({ chrome, model }: { chrome: NewsroomChrome; model: DistributionPageModel }) {
  const { t } = chrome.i18n;
  const csrf = <input type="hidden" name="_csrf" value={chrome.user?.csrfToken ?? ''} />;
  return (
    <NewsroomLayout chrome={chrome} title={t('newsroom.distribution.title')}>
      <h1>{t('newsroom.distribution.title')}</h1>
      <FormError error={model.error ?? null} />
      {model.issuedKey ? (
        <p role="status" class="form-saved">
          {t('newsroom.distribution.newKey')} <code>{model.issuedKey}</code>
        </p>
      ) : null}
      {model.issuedSecret ? (
        <p role="status" class="form-saved">
          {t('newsroom.distribution.newSecret')} <code>{model.issuedSecret}</code>
        </p>
      ) : null}

      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">{t('newsroom.distribution.keys')}</h2>
        {model.keys.length === 0 ? <p>{t('newsroom.distribution.none')}</p> : null}
        <ul class="newsroom-list">
          {model.keys.map((key) => (
            <li key={key.id}>
              <strong>{key.name}</strong> <code>{key.prefix}…</code> · {key.requestsPerMinute}/min ·{' '}
              {key.revokedAt ? t('newsroom.distribution.revoked') : t('newsroom.distribution.active')}
              {key.revokedAt ? null : (
                <form method="post" action={`/newsroom/distribution/keys/${key.id}/revoke`} class="inline-form">
                  {csrf}
                  <button type="submit" aria-label={`${t('newsroom.distribution.revoke')}: ${key.name}`}>
                    {t('newsroom.distribution.revoke')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
        <form method="post" action="/newsroom/distribution/keys" class="newsroom-form">
          {csrf}
          <label for="key-name">{t('newsroom.distribution.keyName')}</label>
          <input id="key-name" name="name" required maxLength={120} />
          <label for="key-rpm">{t('newsroom.distribution.perMinute')}</label>
          <input id="key-rpm" name="requestsPerMinute" type="number" min="1" max="100000" value="600" />
          <button type="submit">{t('newsroom.distribution.issue')}</button>
        </form>
      </section>

      <section aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading">{t('newsroom.distribution.webhooks')}</h2>
        {model.webhooks.length === 0 ? <p>{t('newsroom.distribution.none')}</p> : null}
        <ul class="newsroom-list">
          {model.webhooks.map((hook) => (
            <li key={hook.id}>
              <code>{hook.url}</code> · {hook.serviceCode} · {hook.events.join(', ')} ·{' '}
              <a href={`/newsroom/distribution/webhooks/${hook.id}`}>{t('newsroom.distribution.deliveries')}</a>
              {hook.disabledAt ? ` · ${t('newsroom.distribution.revoked')}` : (
                <form method="post" action={`/newsroom/distribution/webhooks/${hook.id}/disable`} class="inline-form">
                  {csrf}
                  <button type="submit" aria-label={`${t('newsroom.distribution.disable')}: ${hook.url}`}>
                    {t('newsroom.distribution.disable')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
        <form method="post" action="/newsroom/distribution/webhooks" class="newsroom-form">
          {csrf}
          <label for="hook-service">{t('newsroom.form.service')}</label>
          <select id="hook-service" name="serviceCode">
            {model.services.map((s) => (
              <option value={s.code}>{s.name}</option>
            ))}
          </select>
          <label for="hook-url">{t('newsroom.distribution.url')}</label>
          <input id="hook-url" name="url" type="url" required maxLength={2000} />
          <fieldset>
            <legend>{t('newsroom.distribution.events')}</legend>
            {WEBHOOK_EVENTS.map((event) => (
              <p key={event}>
                <input id={`hook-event-${event}`} type="checkbox" name={`event:${event}`} value="1" checked={event === 'story.published'} />{' '}
                <label for={`hook-event-${event}`}>{event}</label>
              </p>
            ))}
          </fieldset>
          <button type="submit">{t('newsroom.distribution.register')}</button>
        </form>
      </section>
    </NewsroomLayout>
  );
}

/** One endpoint's delivery log, newest first, with "Send again". */
export function DeliveriesPage({ chrome, endpoint, deliveries }: { chrome: NewsroomChrome; endpoint: WebhookEndpoint; deliveries: readonly WebhookDelivery[] }) {
  const { t } = chrome.i18n;
  return (
    <NewsroomLayout chrome={chrome} title={t('newsroom.distribution.deliveries')}>
      <h1>
        {t('newsroom.distribution.deliveries')}: <code>{endpoint.url}</code>
      </h1>
      {deliveries.length === 0 ? <p>{t('newsroom.distribution.none')}</p> : null}
      <ul class="newsroom-list">
        {deliveries.map((d) => (
          <li key={d.id}>
            <time dateTime={d.createdAt.toISOString()}>{chrome.i18n.dateTime(d.createdAt)}</time> · {d.event} · <strong>{d.state}</strong> ·{' '}
            {d.attempts} × · {d.responseStatus ?? '—'} {d.lastError ? `· ${d.lastError}` : ''}
            <form method="post" action={`/newsroom/distribution/deliveries/${d.id}/redeliver`} class="inline-form">
              <input type="hidden" name="_csrf" value={chrome.user?.csrfToken ?? ''} />
              <button type="submit" aria-label={`${t('newsroom.distribution.redeliver')}: ${d.messageId}`}>
                {t('newsroom.distribution.redeliver')}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <p>
        <a href="/newsroom/distribution">{t('newsroom.distribution.title')}</a>
      </p>
    </NewsroomLayout>
  );
}
