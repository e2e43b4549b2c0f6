import { NewsroomLayout, type NewsroomChrome } from '../../layouts/newsroom.layout.js';

export function SignInPage({ chrome, error, email }: { chrome: NewsroomChrome; error: 'failed' | 'locked' | null; email: string }) {
  const { t } = chrome.i18n;
  return (
    <NewsroomLayout chrome={chrome} title={t('newsroom.signIn.title')}>
      <h1>{t('newsroom.signIn.title')}</h1>
      {error ? (
        <p class="form-error" role="alert">
          {t(error === 'locked' ? 'newsroom.signIn.locked' : 'newsroom.signIn.failed')}
        </p>
      ) : null}
      <form method="post" action="/newsroom/sign-in" class="newsroom-form">
        <label for="email">{t('newsroom.signIn.email')}</label>
        <input id="email" name="email" type="email" autocomplete="username" required value={email} />
        <label for="password">{t('newsroom.signIn.password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit">{t('newsroom.signIn.submit')}</button>
      </form>
    </NewsroomLayout>
  );
}
