import type { ComponentChildren } from 'preact';
import type { Translator } from '../../i18n/i18n.js';
import { NAME_SLOT, WithNames } from '../components/isolate.js';

/** The newsroom's parts, in the order the navigation shows them. */
export const NEWSROOM_PARTS = ['stories', 'upcoming', 'front', 'media', 'profiles', 'alerts', 'comments', 'sections', 'services', 'users', 'distribution', 'audit'] as const;
export type NewsroomPart = (typeof NEWSROOM_PARTS)[number];

export interface NewsroomMasthead {
  readonly i18n: Translator;
  readonly css: string;
  /**
   * The signed-in user, with the CSRF token the sign-out form carries, and the parts of the
   * newsroom their roles may use (only those are linked; the server refuses the others anyway).
   */
  readonly user: { readonly name: string; readonly csrfToken: string; readonly parts?: readonly NewsroomPart[] } | null;
  /** What the last action did ("Saved."), shown once in the page's status region after the redirect. */
  readonly notice?: string | null;
  /** The script of every newsroom page (unsaved-changes warning, the notice announced, status updates). */
  readonly script?: string | null;
}

/** The frame of every newsroom page: the reader site's look, a header with sign-out; no script needed (the editor page adds its island). */
export function NewsroomLayout({
  masthead,
  title,
  children,
  scripts = [],
}: {
  masthead: NewsroomMasthead;
  title: string;
  children: ComponentChildren;
  /** Script islands of this page only (the story editor), from our own origin. */
  scripts?: readonly string[];
}) {
  const { t } = masthead.i18n;
  return (
    <html lang={masthead.i18n.locale} dir={masthead.i18n.direction}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} | ${t('newsroom.title')}`}</title>
        <link rel="stylesheet" href={masthead.css} />
        {[...(masthead.script ? [masthead.script] : []), ...scripts].map((src) => (
          <script src={src} defer />
        ))}
      </head>
      <body class="newsroom">
        <header class="site-header newsroom-header">
          <p class="site-name">
            <a href="/newsroom/stories">{t('newsroom.title')}</a>
          </p>
          {masthead.user ? (
            <nav aria-label={t('newsroom.nav.label')} class="newsroom-nav">
              {NEWSROOM_PARTS.filter((part) => (masthead.user?.parts ?? ['stories']).includes(part)).map((part) => (
                <a href={`/newsroom/${part}`}>{t(`newsroom.nav.${part}`)}</a>
              ))}
            </nav>
          ) : null}
          {masthead.user ? (
            <form method="post" action="/newsroom/sign-out" class="newsroom-signout">
              <span>
                <WithNames text={t('newsroom.signedInAs', { name: NAME_SLOT })} names={[masthead.user.name]} />
              </span>{' '}
              <a href="/newsroom/account">{t('newsroom.account.link')}</a>{' '}
              <input type="hidden" name="_csrf" value={masthead.user.csrfToken} />
              <button type="submit">{t('newsroom.signOut')}</button>
            </form>
          ) : null}
        </header>
        <main id="main-content" tabIndex={-1}>
          <p id="newsroom-notice" class="form-saved newsroom-notice" role="status" hidden={!masthead.notice}>
            {masthead.notice ?? ''}
          </p>
          {children}
        </main>
      </body>
    </html>
  );
}
