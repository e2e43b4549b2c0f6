import { NewsroomLayout, type NewsroomMasthead } from '../../layouts/newsroom.layout.js';
import { Pager } from './parts.js';

export interface AuditRow {
  readonly id: number;
  readonly userId: number | null;
  readonly userName: string | null;
  readonly action: string;
  readonly subject: string;
  readonly at: Date;
}

export interface AuditPageProps {
  readonly masthead: NewsroomMasthead;
  readonly choices: { readonly users: readonly { id: number; name: string }[]; readonly actions: readonly string[] };
  readonly filter: { readonly user: string; readonly action: string };
  readonly entries: readonly AuditRow[];
  readonly page: number;
  readonly hasNext: boolean;
}

/** Newsroom pages for what an audit subject names, where there is one. */
const SUBJECT_PAGES: Readonly<Record<string, (id: string) => string>> = {
  story: (id) => `/newsroom/stories/${id}`,
  profile: (id) => `/newsroom/profiles/${id}`,
  section: (id) => `/newsroom/sections/${id}`,
  service: (code) => `/newsroom/services/${code}`,
};

function Subject({ subject }: { subject: string }) {
  const [kind = '', id = ''] = subject.split(':', 2);
  const page = SUBJECT_PAGES[kind];
  return page && id ? <a href={page(encodeURIComponent(id))}>{subject}</a> : <>{subject}</>;
}

/** Who did what and when, newest first, filtered by person and action, a page at a time. */
export function AuditPage({ masthead, choices, filter, entries, page, hasNext }: AuditPageProps) {
  const { t } = masthead.i18n;
  const pageUrl = (n: number) => `/newsroom/audit?${new URLSearchParams({ user: filter.user, action: filter.action, page: String(n) }).toString()}`;
  return (
    <NewsroomLayout masthead={masthead} title={t('newsroom.audit.title')}>
      <h1>{t('newsroom.audit.title')}</h1>
      <form method="get" action="/newsroom/audit" class="newsroom-filter">
        <label for="audit-user">{t('newsroom.audit.who')}</label>
        <select id="audit-user" name="user">
          <option value="">{t('newsroom.filter.any')}</option>
          {choices.users.map((user) => (
            <option value={String(user.id)} selected={String(user.id) === filter.user}>
              {user.name}
            </option>
          ))}
        </select>
        <label for="audit-action">{t('newsroom.audit.action')}</label>
        <select id="audit-action" name="action">
          <option value="">{t('newsroom.filter.any')}</option>
          {choices.actions.map((action) => (
            <option value={action} selected={action === filter.action}>
              {action}
            </option>
          ))}
        </select>
        <button type="submit">{t('newsroom.filter.submit')}</button>
      </form>
      {entries.length === 0 ? (
        <p>{t('newsroom.audit.none')}</p>
      ) : (
        <table class="audit-log">
          <caption>{t('newsroom.audit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('newsroom.audit.when')}</th>
              <th scope="col">{t('newsroom.audit.who')}</th>
              <th scope="col">{t('newsroom.audit.action')}</th>
              <th scope="col">{t('newsroom.audit.subject')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr>
                <td>{masthead.i18n.dateTime(entry.at)}</td>
                <td>{entry.userName ?? (entry.userId === null ? t('newsroom.audit.system') : `#${entry.userId}`)}</td>
                <td>{entry.action}</td>
                <td>
                  <Subject subject={entry.subject} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager masthead={masthead} page={page} hasNext={hasNext} pageUrl={pageUrl} />
    </NewsroomLayout>
  );
}
