import { TOKEN_EXPIRY_CHOICES, type ApiToken } from '../../../domain/user/api-token.js';
import type { User } from '../../../domain/user/user.js';
import { NewsroomLayout, type NewsroomChrome } from '../../layouts/newsroom.layout.js';
import { FormError, Pager } from './parts.js';

/** A person's personal API tokens, each with a Revoke button (own tokens, or anyone's for admins). */
function TokensTable({ chrome, tokens, now }: { chrome: NewsroomChrome; tokens: readonly ApiToken[]; now: Date }) {
  const { t } = chrome.i18n;
  const csrf = chrome.user?.csrfToken ?? '';
  const when = (date: Date | null) => (date ? chrome.i18n.dateTime(date) : t('newsroom.tokens.never'));
  if (tokens.length === 0) return <p>{t('newsroom.tokens.none')}</p>;
  return (
    <table class="audit-log">
      <caption>{t('newsroom.tokens.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('newsroom.tokens.label')}</th>
          <th scope="col">{t('newsroom.tokens.created')}</th>
          <th scope="col">{t('newsroom.tokens.expires')}</th>
          <th scope="col">{t('newsroom.tokens.lastUsed')}</th>
          <th scope="col">{t('newsroom.tokens.revoke')}</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr>
            <td>
              <bdi>{token.label}</bdi>
            </td>
            <td>{chrome.i18n.dateTime(token.createdAt)}</td>
            <td>{token.expiresAt && token.expiresAt <= now ? t('newsroom.tokens.expired') : when(token.expiresAt)}</td>
            <td>{when(token.lastUsedAt)}</td>
            <td>
              <form method="post" action={`/newsroom/tokens/${token.id}/revoke`}>
                <input type="hidden" name="_csrf" value={csrf} />
                <button type="submit" aria-label={t('newsroom.tokens.revokeLabel', { name: token.label })}>
                  {t('newsroom.tokens.revoke')}
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface AccountPageProps {
  readonly chrome: NewsroomChrome;
  readonly user: User;
  readonly tokens: readonly ApiToken[];
  readonly now: Date;
  /** The secret of a token just made: shown this once. */
  readonly newToken: string | null;
  readonly error: string | null;
}

/** /newsroom/account: who you are, your personal API tokens, a new one. */
export function AccountPage({ chrome, user, tokens, now, newToken, error }: AccountPageProps) {
  const { t } = chrome.i18n;
  const csrf = chrome.user?.csrfToken ?? '';
  return (
    <NewsroomLayout chrome={chrome} title={t('newsroom.account.title')}>
      <h1>{t('newsroom.account.title')}</h1>
      <p>
        <bdi>{user.name}</bdi> &lt;{user.email}&gt;
      </p>
      <h2>{t('newsroom.tokens.title')}</h2>
      {newToken ? (
        <div role="status" class="form-saved">
          <p>{t('newsroom.tokens.shownOnce')}</p>
          <p>
            <code>{newToken}</code>
          </p>
        </div>
      ) : null}
      <TokensTable chrome={chrome} tokens={tokens} now={now} />
      <section aria-labelledby="token-new-title">
        <h3 id="token-new-title">{t('newsroom.tokens.new')}</h3>
        <FormError error={error} />
        <form method="post" action="/newsroom/account/tokens" class="newsroom-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <label for="token-label">{t('newsroom.tokens.label')}</label>
          <input id="token-label" name="label" required maxLength={120} />
          <label for="token-expiry">{t('newsroom.tokens.expiry')}</label>
          <select id="token-expiry" name="expiresInDays">
            {TOKEN_EXPIRY_CHOICES.map((days) => (
              <option value={String(days)} selected={days === 90}>
                {t('newsroom.tokens.days', { count: days })}
              </option>
            ))}
            <option value="">{t('newsroom.tokens.never')}</option>
          </select>
          <button type="submit">{t('newsroom.tokens.create')}</button>
        </form>
      </section>
    </NewsroomLayout>
  );
}

const roleText = (user: User) => user.grants.map((g) => (g.serviceCode ? `${g.role} (${g.serviceCode})` : g.role)).join(', ');

export interface UsersPageProps {
  readonly chrome: NewsroomChrome;
  readonly users: readonly User[];
  readonly page: number;
  readonly hasNext: boolean;
}

/** /newsroom/users (admins): every account, its roles and state. */
export function UsersPage({ chrome, users, page, hasNext }: UsersPageProps) {
  const { t } = chrome.i18n;
  return (
    <NewsroomLayout chrome={chrome} title={t('newsroom.users.title')}>
      <h1>{t('newsroom.users.title')}</h1>
      <table class="audit-log">
        <caption>{t('newsroom.users.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('newsroom.users.name')}</th>
            <th scope="col">{t('newsroom.signIn.email')}</th>
            <th scope="col">{t('newsroom.users.roles')}</th>
            <th scope="col">{t('newsroom.users.state')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr>
              <td>
                <a href={`/newsroom/users/${user.id}`}>
                  <bdi>{user.name}</bdi>
                </a>
              </td>
              <td>{user.email}</td>
              <td>{roleText(user)}</td>
              <td>{t(user.state === 'active' ? 'newsroom.users.active' : 'newsroom.users.disabled')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager chrome={chrome} page={page} hasNext={hasNext} pageUrl={(n) => `/newsroom/users?page=${n}`} />
    </NewsroomLayout>
  );
}

export interface UserPageProps {
  readonly chrome: NewsroomChrome;
  readonly user: User;
  readonly tokens: readonly ApiToken[];
  readonly now: Date;
  readonly isSelf: boolean;
}

/** /newsroom/users/{id} (admins): one account, disable or enable it, revoke its tokens. */
export function UserPage({ chrome, user, tokens, now, isSelf }: UserPageProps) {
  const { t } = chrome.i18n;
  const csrf = chrome.user?.csrfToken ?? '';
  const active = user.state === 'active';
  return (
    <NewsroomLayout chrome={chrome} title={user.name}>
      <h1>
        <bdi>{user.name}</bdi>
      </h1>
      <dl>
        <dt>{t('newsroom.signIn.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('newsroom.users.roles')}</dt>
        <dd>{roleText(user)}</dd>
        <dt>{t('newsroom.users.state')}</dt>
        <dd>{t(active ? 'newsroom.users.active' : 'newsroom.users.disabled')}</dd>
      </dl>
      {isSelf ? null : (
        <form method="post" action={`/newsroom/users/${user.id}/${active ? 'disable' : 'enable'}`} class="newsroom-form">
          <input type="hidden" name="_csrf" value={csrf} />
          {active ? <p class="meta">{t('newsroom.users.disableHint')}</p> : null}
          <button type="submit">{t(active ? 'newsroom.users.disable' : 'newsroom.users.enable')}</button>
        </form>
      )}
      <h2>{t('newsroom.tokens.title')}</h2>
      <TokensTable chrome={chrome} tokens={tokens} now={now} />
    </NewsroomLayout>
  );
}
