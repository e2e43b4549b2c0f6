import { NewsroomLayout, type NewsroomMasthead } from '../../layouts/newsroom.layout.js';

export interface SignInPageProps {
  readonly masthead: NewsroomMasthead;
  readonly error: 'failed' | 'locked' | 'expired' | null;
  readonly email: string;
  readonly csrfToken: string;
}

const ERROR_KEYS = { failed: 'newsroom.signIn.failed', locked: 'newsroom.signIn.locked', expired: 'newsroom.signIn.expired' } as const;

export function SignInPage({ masthead, error, email, csrfToken }: SignInPageProps) {
  const { t } = masthead.i18n;
  return (
    <NewsroomLayout masthead={masthead} title={t('newsroom.signIn.title')}>
      <h1>{t('newsroom.signIn.title')}</h1>
      {error ? (
        <p class="form-error" role="alert">
          {t(ERROR_KEYS[error])}
        </p>
      ) : null}
      <form method="post" action="/newsroom/sign-in" class="newsroom-form">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <label for="email">{t('newsroom.signIn.email')}</label>
        <input id="email" name="email" type="email" autocomplete="username" required value={email} />
        <label for="password">{t('newsroom.signIn.password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit">{t('newsroom.signIn.submit')}</button>
      </form>
    </NewsroomLayout>
  );
}
