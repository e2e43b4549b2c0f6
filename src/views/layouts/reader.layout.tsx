import type { ComponentChildren } from 'preact';
import type { MastheadModel } from '../page-model.js';
import { BreakingBanner } from '../components/breaking-banner.js';
import { Masthead } from '../components/masthead.js';
import { SkipLinks } from '../components/skip-links.js';
import { HeadLinks } from '../components/head-links.js';
import { SiteFooter } from '../components/site-footer.js';
import { HeadMeta } from '../distribution/head-meta.js';
import type { FeedLink, PageMeta } from '../distribution/page-meta.js';

export interface ReaderLayoutProps {
  readonly masthead: MastheadModel;
  readonly title: string;
  readonly description?: string | null;
  readonly canonicalUrl?: string;
  /** The page's own path when it has no canonicalUrl: its canonical link is made from it. */
  readonly canonicalPath?: string;
  readonly meta?: PageMeta;
  readonly feeds?: readonly FeedLink[];
  readonly withPlayer?: boolean;
  readonly withComments?: boolean;
  /** Relative times beside the absolute ones (the story's publication and update). */
  readonly withTime?: boolean;
  /** The share links' copy button. */
  readonly withShare?: boolean;
  /** Click-to-load embeds (a story with an embed element). */
  readonly withEmbeds?: boolean;
  /** The address of this page, to mark its link in the masthead. */
  readonly currentPath?: string | undefined;
  /** The slug of the section a story belongs to, marked in the masthead. */
  readonly currentSection?: string | undefined;
  readonly children: ComponentChildren;
}

/** The frame of every reader page: skip links, masthead, breaking banner, main, footer. */
export function ReaderLayout({ masthead, title, description, canonicalUrl, canonicalPath, meta, feeds, withPlayer, withComments, withTime, withShare, withEmbeds, currentPath, currentSection, children }: ReaderLayoutProps) {
  const { service, i18n, assets } = masthead;
  const canonical = canonicalUrl ?? (canonicalPath ? new URL(canonicalPath, masthead.siteUrl).href : null);
  return (
    <html lang={service.locale} dir={service.direction}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} | ${service.name}`}</title>
        <meta name="description" content={description || i18n.t('meta.default', { service: service.name })} />
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        <HeadMeta meta={meta} feeds={feeds ?? []} url={canonical} siteName={service.name} locale={service.locale} />
        <link rel="stylesheet" href={assets.css} />
        <HeadLinks assets={assets} rtl={service.direction === 'rtl'} />
        {withPlayer && assets.playerScript ? <script src={assets.playerScript} defer /> : null}
        {withComments && assets.commentsScript ? <script src={assets.commentsScript} defer /> : null}
        {withTime && assets.timeScript ? <script src={assets.timeScript} defer /> : null}
        {withShare && assets.shareScript ? <script src={assets.shareScript} defer /> : null}
        {assets.liveScript ? <script src={assets.liveScript} defer /> : null}
        {withEmbeds && assets.embedsScript ? <script src={assets.embedsScript} defer /> : null}
      </head>
      <body>
        <SkipLinks t={i18n.t} />
        <Masthead masthead={masthead} currentPath={currentPath} currentSection={currentSection} />
        {/* The live island puts alerts in and takes them out here as they start and end, announced politely. */}
        <div class="breaking-region" aria-live="polite" data-live={`/${service.code}/live`} data-label={i18n.t('alert.label')}>
          {masthead.alert ? <BreakingBanner alert={masthead.alert} t={i18n.t} /> : null}
        </div>
        <main id="main-content" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter masthead={masthead} />
      </body>
    </html>
  );
}
