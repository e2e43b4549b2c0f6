import type { ComponentChildren } from 'preact';
import type { MastheadModel } from '../page-model.js';
import { BreakingBanner } from '../components/breaking-banner.js';
import { Masthead } from '../components/masthead.js';
import { SkipLinks } from '../components/skip-links.js';

export interface ReaderLayoutProps {
  readonly masthead: MastheadModel;
  readonly title: string;
  readonly description?: string | null;
  readonly canonicalUrl?: string;
  readonly withPlayer?: boolean;
  readonly withComments?: boolean;
  readonly children: ComponentChildren;
}

/** The frame of every reader page: skip links, masthead, breaking banner, main, footer. */
export function ReaderLayout({ masthead, title, description, canonicalUrl, withPlayer, withComments, children }: ReaderLayoutProps) {
  const { service, i18n, assets } = masthead;
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
      </head>
      <body>
        <SkipLinks t={i18n.t} />
        <Masthead masthead={masthead} />
        {masthead.alert ? <BreakingBanner alert={masthead.alert} t={i18n.t} /> : null}
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
