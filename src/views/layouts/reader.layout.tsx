import type { ComponentChildren } from 'preact';
import type { Chrome } from '../page-model.js';
import { BreakingBanner } from '../components/breaking-banner.js';
import { Masthead } from '../components/masthead.js';
import { SkipLinks } from '../components/skip-links.js';

export interface ReaderLayoutProps {
  readonly chrome: Chrome;
  readonly title: string;
  readonly description?: string | null;
  readonly canonicalUrl?: string;
  readonly withPlayer?: boolean;
  readonly withComments?: boolean;
  readonly children: ComponentChildren;
}

/** The frame of every reader page: skip links, masthead, breaking banner, main, footer. */
export function ReaderLayout({ chrome, title, description, canonicalUrl, withPlayer, withComments, children }: ReaderLayoutProps) {
  const { service, i18n, assets } = chrome;
  return (
    <html lang={service.locale} dir={service.direction}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} | ${service.name}`}</title>
        {description ? <meta name="description" content={description} /> : null}
        {canonicalUrl ? <link rel="canonical" href={canonicalUrl} /> : null}
        <link rel="stylesheet" href={assets.css} />
        {withPlayer && assets.playerScript ? <script src={assets.playerScript} defer /> : null}
        {withComments && assets.commentsScript ? <script src={assets.commentsScript} defer /> : null}
        {assets.liveScript ? <script src={assets.liveScript} defer /> : null}
      </head>
      <body>
        <SkipLinks t={i18n.t} />
        <Masthead chrome={chrome} />
        {/* The live island puts alerts in and takes them out here as they start and end, announced politely. */}
        <div class="breaking-region" aria-live="polite" data-live={`/${service.code}/live`} data-label={i18n.t('alert.label')}>
          {chrome.alert ? <BreakingBanner alert={chrome.alert} t={i18n.t} /> : null}
        </div>
        <main id="main-content" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          {assets.pushWorker ? (
            // Shown by the live island only where the browser can take push notifications.
            <div class="push-offer" hidden data-key={`/${service.code}/push/key`} data-subscriptions={`/${service.code}/push/subscriptions`} data-worker={assets.pushWorker} data-on={i18n.t('push.unsubscribe')} data-off={i18n.t('push.subscribe')} data-blocked={i18n.t('push.blocked')}>
              <p>{i18n.t('push.offer', { service: service.name })}</p>
              <button type="button" class="push-toggle">
                {i18n.t('push.subscribe')}
              </button>
              <p class="push-status" role="status"></p>
            </div>
          ) : null}
          <p>
            <a href={`/${service.code}/`}>{service.name}</a> · {i18n.t('footer.text')}
          </p>
        </footer>
      </body>
    </html>
  );
}
