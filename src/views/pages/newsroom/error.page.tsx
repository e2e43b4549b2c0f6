import { NewsroomLayout, type NewsroomMasthead } from '../../layouts/newsroom.layout.js';

/** What went wrong in the newsroom, in words a person can act on, and the way back. */
export function NewsroomErrorPage({ masthead, message }: { masthead: NewsroomMasthead; message: string }) {
  const { t } = masthead.i18n;
  return (
    <NewsroomLayout masthead={masthead} title={t('newsroom.error.title')}>
      <h1>{t('newsroom.error.title')}</h1>
      <p role="alert">{message}</p>
      <p>
        <a href="/newsroom/stories">{t('newsroom.error.back')}</a>
      </p>
    </NewsroomLayout>
  );
}
