import { feedPath } from '../../domain/distribution/feed-paths.js';
import type { MastheadModel } from '../page-model.js';

/** The foot of every reader page: the service's sections, its other languages, the site's own pages and feed, and who publishes it. */
export function SiteFooter({ masthead }: { masthead: MastheadModel }) {
  const { service, services, sections, i18n } = masthead;
  const t = i18n.t;
  const others = services.filter((s) => s.code !== service.code);
  return (
    <footer class="site-footer">
      {masthead.assets.pushWorker ? <PushOffer masthead={masthead} /> : null}
      <div class="footer-inner">
        <p class="footer-name">
          <a href={`/${service.code}/`}>{service.name}</a>
        </p>
        {sections.length ? (
          <div class="footer-nav">
            <h2>{t('footer.sections')}</h2>
            <ul>
              {sections.map((section) => (
                <li key={section.id}>
                  <a href={`/${service.code}/s/${encodeURIComponent(section.slug)}`}>{section.name}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {others.length ? (
          <div class="footer-nav">
            <h2>{t('nav.services')}</h2>
            <ul>
              {others.map((other) => (
                <li key={other.code}>
                  <a href={`/${other.code}/`} lang={other.locale} hrefLang={other.locale} dir={other.direction}>
                    {other.name}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div class="footer-nav">
          <h2>{t('footer.site')}</h2>
          <ul>
            <li>
              <a href={`/${service.code}/about`}>{t('footer.about')}</a>
            </li>
            <li>
              <a href={`/${service.code}/contact`}>{t('footer.contact')}</a>
            </li>
            <li>
              <a href={`/${service.code}/privacy`}>{t('footer.privacy')}</a>
            </li>
            <li>
              <a href={feedPath({ kind: 'service', serviceCode: service.code }, 'rss')} type="application/rss+xml">
                {t('footer.feeds')}
              </a>
            </li>
            <li>
              <a href={`/${service.code}/search`}>{t('footer.search')}</a>
            </li>
          </ul>
        </div>
        <p class="footer-credit">{t('footer.text')}</p>
      </div>
    </footer>
  );
}

/** Breaking alerts as notifications (Web Push): shown by the live island only where the browser can take them. */
function PushOffer({ masthead }: { masthead: MastheadModel }) {
  const { service, i18n, assets } = masthead;
  const t = i18n.t;
  return (
    <div
      class="push-offer"
      hidden
      data-key={`/${service.code}/push/key`}
      data-subscriptions={`/${service.code}/push/subscriptions`}
      data-worker={assets.pushWorker ?? ''}
      data-on={t('push.unsubscribe')}
      data-off={t('push.subscribe')}
      data-blocked={t('push.blocked')}
    >
      <p>{t('push.offer', { service: service.name })}</p>
      <button type="button" class="push-toggle">
        {t('push.subscribe')}
      </button>
      <p class="push-status" role="status"></p>
    </div>
  );
}
