import type { NewsroomChrome } from '../../layouts/newsroom.layout.js';

/** Why the form was refused, announced to screen readers. */
export function FormError({ error }: { error: string | null }) {
  return error ? (
    <p class="form-error" role="alert">
      {error}
    </p>
  ) : null;
}

/** "Saved." after a form was taken, as a status message. */
export function SavedNotice({ chrome, saved }: { chrome: NewsroomChrome; saved: boolean }) {
  return saved ? (
    <p class="form-saved" role="status">
      {chrome.i18n.t('newsroom.saved')}
    </p>
  ) : null;
}

export function Pager({ chrome, page, hasNext, pageUrl }: { chrome: NewsroomChrome; page: number; hasNext: boolean; pageUrl: (n: number) => string }) {
  const { t } = chrome.i18n;
  return page > 1 || hasNext ? (
    <nav class="pager" aria-label={t('newsroom.pages')}>
      {page > 1 ? <a href={pageUrl(page - 1)}>{t('newsroom.comments.previous')}</a> : null}{' '}
      {hasNext ? <a href={pageUrl(page + 1)}>{t('newsroom.comments.next')}</a> : null}
    </nav>
  ) : null;
}
