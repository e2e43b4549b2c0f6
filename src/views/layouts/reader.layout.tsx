import type { ComponentChildren } from 'preact';
import type { Chrome } from '../page-model.js';
import { BreakingBanner } from '../components/breaking-banner.js';
import { Masthead } from '../components/masthead.js';
import { SkipLinks } from '../components/skip-links.js';
import { HeadMeta } from '../distribution/head-meta.js';
import type { FeedLink, PageMeta } from '../distribution/page-meta.js';

export interface ReaderLayoutProps {
  readonly chrome: Chrome;
  readonly title: string;
  readonly description?: string | null;
  readonly canonicalUrl?: string;
  /** The page's own path when it has no canonicalUrl: its canonical link is made from it. */
  readonly canonicalPath?: string;
  readonly meta?: PageMeta;
  readonly feeds?: readonly FeedLink[];
  readonly withPlayer?: boolean;
  readonly withComments?: boolean;
  readonly children: ComponentChildren;
}

/** The frame of every reader page: skip links, masthead, breaking banner, main, footer. */
export function ReaderLayout({ chrome, title, description, canonicalUrl, canonicalPath, meta, feeds, withPlayer, withComments, children }: ReaderLayoutProps) {
  const { service, i18n, assets } = chrome;
  const canonical = canonicalUrl ?? (canonicalPath ? new URL(canonicalPath, chrome.siteUrl).href : null);
  return (
    <html lang={service.locale} dir={service.direction}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} | ${service.name}`}</title>
        {description ? <meta name="description" content={description} /> : null}
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        <HeadMeta meta={meta} feeds={feeds ?? []} url={canonical} siteName={service.name} locale={service.locale} />
        <link rel="stylesheet" href={assets.css} />
        {withPlayer && assets.playerScript ? <script src={assets.playerScript} defer /> : null}
        {withComments && assets.commentsScript ? <script src={assets.commentsScript} defer /> : null}
      </head>
      <body>
        <SkipLinks t={i18n.t} />
        <Masthead chrome={chrome} />
        {chrome.alert ? <BreakingBanner alert={chrome.alert} t={i18n.t} /> : null}
        <main id="main-content" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>
            <a href={`/${service.code}/`}>{service.name}</a> · {i18n.t('footer.text')}
          </p>
        </footer>
      </body>
    </html>
  );
}
