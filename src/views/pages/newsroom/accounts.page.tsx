import { TOKEN_EXPIRY_CHOICES, type ApiToken } from '../../../domain/user/api-token.js';
import { NEWSROOM_LOCALES, type User } from '../../../domain/user/user.js';
import { languageNameOf } from '../../../i18n/i18n.js';
import { NewsroomLayout, type NewsroomMasthead } from '../../layouts/newsroom.layout.js';
import { FormError, SavedNotice, Pager } from './parts.js';

/** A person's personal API tokens, each with a Revoke button (own tokens, or anyone's for admins). */
function TokensTable({ masthead, tokens, now }: { masthead: NewsroomMasthead; tokens: readonly ApiToken[]; now: Date }) {
  const { t } = masthead.i18n;
  const csrf = masthead.user?.csrfToken ?? '';
  const when = (date: Date | null) => (date ? <time dateTime={date.toISOString()}>{masthead.i18n.dateTime(date)}</time> : t('newsroom.tokens.never'));
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
            <td>{when(token.createdAt)}</td>
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
  readonly masthead: NewsroomMasthead;
  readonly user: User;
  readonly tokens: readonly ApiToken[];
  readonly now: Date;
  /** The secret of a token just made: shown this once. */
  readonly newToken: string | null;
  readonly error: string | null;
  /** The time zone form: the zone in force, the value shown in the field (as typed when refused), why it was refused. */
  readonly timeZone?: { readonly zone: string; readonly value: string; readonly error: string | null; readonly saved: boolean };
  /** Every IANA zone the runtime knows, offered as the field's suggestions. */
  readonly zoneNames?: readonly string[];
  /** The newsroom language was just saved. */
  readonly languageSaved?: boolean;
}

/** /newsroom/account: who you are, your personal API tokens, a new one. */
export function AccountPage({ masthead, user, tokens, now, newToken, error, timeZone, zoneNames = [], languageSaved = false }: AccountPageProps) {
  const { t } = masthead.i18n;
  const csrf = masthead.user?.csrfToken ?? '';
  return (
    <NewsroomLayout masthead={masthead} title={t('newsroom.account.title')}>
      <h1>{t('newsroom.account.title')}</h1>
      <p>
        <bdi>{user.name}</bdi> &lt;{user.email}&gt;
      </p>
      {timeZone ? (
        <section aria-labelledby="time-zone" class="time-zone">
          <h2 id="time-zone">{t('newsroom.timeZone.title')}</h2>
          <p>{t('newsroom.timeZone.current', { zone: timeZone.zone })}</p>
          {timeZone.saved ? <SavedNotice masthead={masthead} saved /> : null}
          <FormError error={timeZone.error} />
          <form method="post" action="/newsroom/account/time-zone" class="newsroom-form">
            <input type="hidden" name="_csrf" value={csrf} />
            <label for="time-zone-field">{t('newsroom.timeZone.label')}</label>
            <p id="time-zone-help" class="meta">
              {t('newsroom.timeZone.help')}
            </p>
            <input
              id="time-zone-field"
              name="timeZone"
              list="time-zone-names"
              maxLength={64}
              value={timeZone.value}
              autocomplete="off"
              aria-describedby="time-zone-help"
              aria-invalid={timeZone.error ? 'true' : undefined}
            />
            <datalist id="time-zone-names">
              {zoneNames.map((name) => (
                <option value={name} />
              ))}
            </datalist>
            <button type="submit">{t('newsroom.timeZone.submit')}</button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="language-title">
        <h2 id="language-title">{t('newsroom.account.language')}</h2>
        {languageSaved ? (
          <p class="form-saved" role="status">
            {t('newsroom.account.languageSaved')}
          </p>
        ) : null}
        <form method="post" action="/newsroom/account/language" class="newsroom-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <label for="account-locale">{t('newsroom.account.language')}</label>
          <select id="account-locale" name="locale" aria-describedby="account-locale-help">
            {NEWSROOM_LOCALES.map((locale) => (
              <option value={locale} lang={locale} selected={locale === user.locale}>
                {languageNameOf(locale)}
              </option>
            ))}
          </select>
          <p id="account-locale-help" class="help">
            {t('newsroom.account.languageHelp')}
          </p>
          <button type="submit">{t('newsroom.account.languageSave')}</button>
        </form>
      </section>
      <h2>{t('newsroom.tokens.title')}</h2>
      {newToken ? (
        <div role="status" class="form-saved">
          <p>{t('newsroom.tokens.shownOnce')}</p>
          <p>
            <code>{newToken}</code>
          </p>
        </div>
      ) : null}
      <TokensTable masthead={masthead} tokens={tokens} now={now} />
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
  readonly masthead: NewsroomMasthead;
  readonly users: readonly User[];
  readonly page: number;
  readonly hasNext: boolean;
}

/** /newsroom/users (admins): every account, its roles and state. */
export function UsersPage({ masthead, users, page, hasNext }: UsersPageProps) {
  const { t } = masthead.i18n;
  return (
    <NewsroomLayout masthead={masthead} title={t('newsroom.users.title')}>
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
      <Pager masthead={masthead} page={page} hasNext={hasNext} pageUrl={(n) => `/newsroom/users?page=${n}`} />
    </NewsroomLayout>
  );
}

export interface UserPageProps {
  readonly masthead: NewsroomMasthead;
  readonly user: User;
  readonly tokens: readonly ApiToken[];
  readonly now: Date;
  readonly isSelf: boolean;
}

/** /newsroom/users/{id} (admins): one account, disable or enable it, revoke its tokens. */
export function UserPage({ masthead, user, tokens, now, isSelf }: UserPageProps) {
  const { t } = masthead.i18n;
  const csrf = masthead.user?.csrfToken ?? '';
  const active = user.state === 'active';
  return (
    <NewsroomLayout masthead={masthead} title={user.name}>
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
      <TokensTable masthead={masthead} tokens={tokens} now={now} />
    </NewsroomLayout>
  );
}
