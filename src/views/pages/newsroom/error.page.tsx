import { NewsroomLayout, type NewsroomChrome } from '../../layouts/newsroom.layout.js';

/** What went wrong in the newsroom, in words a person can act on, and the way back. */
export function NewsroomErrorPage({ chrome, message }: { chrome: NewsroomChrome; message: string }) {
  const { t } = chrome.i18n;
  return (
    <NewsroomLayout chrome={chrome} title={t('newsroom.error.title')}>
      <h1>{t('newsroom.error.title')}</h1>
      <p role="alert">{message}</p>
      <p>
        <a href="/newsroom/stories">{t('newsroom.error.back')}</a>
      </p>
    </NewsroomLayout>
  );
}
