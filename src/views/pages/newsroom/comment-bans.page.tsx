import { banHolds, type CommentBan } from '../../../domain/comment/ban.js';
import type { LanguageService } from '../../../domain/service/service.js';
import { NewsroomLayout, type NewsroomMasthead } from '../../layouts/newsroom.layout.js';
import { FormError, Pager } from './parts.js';

export interface CommentBansPageProps {
  readonly masthead: NewsroomMasthead;
  readonly services: readonly LanguageService[];
  readonly serviceCode: string;
  readonly text: string;
  readonly bans: readonly CommentBan[];
  readonly page: number;
  readonly hasNext: boolean;
  readonly now: Date;
  readonly error?: string | null;
  /** A ban was just lifted. */
  readonly lifted?: boolean;
}

function bansUrl(serviceCode: string, text: string, page = 1): string {
  const query = new URLSearchParams({ service: serviceCode });
  if (text) query.set('q', text);
  if (page > 1) query.set('page', String(page));
  return `/newsroom/comments/bans?${query.toString()}`;
}

/** A service's comment bans, searched by the pseudonym they were made under; each one can be lifted. */
export function CommentBansPage({ masthead, services, serviceCode, text, bans, page, hasNext, now, error = null, lifted = false }: CommentBansPageProps) {
  const { t } = masthead.i18n;
  const csrf = masthead.user?.csrfToken ?? '';
  return (
    <NewsroomLayout masthead={masthead} title={t('newsroom.bans.title')}>
      <h1>{t('newsroom.bans.title')}</h1>
      <p>
        <a href={`/newsroom/comments?service=${encodeURIComponent(serviceCode)}`}>{t('newsroom.bans.back')}</a>
      </p>
      {services.length === 0 ? (
        <p>{t('newsroom.comments.noServices')}</p>
      ) : (
        <form method="get" action="/newsroom/comments/bans" class="newsroom-filter" role="search">
          <label for="bans-service">{t('newsroom.comments.service')}</label>
          <select id="bans-service" name="service">
            {services.map((s) => (
              <option value={s.code} selected={s.code === serviceCode}>
                {s.name}
              </option>
            ))}
          </select>
          <label for="bans-q">{t('newsroom.bans.search')}</label>
          <input type="search" id="bans-q" name="q" value={text} dir="auto" maxLength={200} />
          <button type="submit">{t('newsroom.bans.searchButton')}</button>
        </form>
      )}
      <FormError error={error} />
      {lifted ? (
        <p class="form-saved" role="status">
          {t('newsroom.bans.lifted')}
        </p>
      ) : null}
      {services.length > 0 && bans.length === 0 ? <p>{t('newsroom.bans.none')}</p> : null}
      {bans.length > 0 ? (
        <table class="audit-log">
          <caption>{t('newsroom.bans.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('newsroom.bans.name')}</th>
              <th scope="col">{t('newsroom.bans.kind')}</th>
              <th scope="col">{t('newsroom.bans.since')}</th>
              <th scope="col">{t('newsroom.bans.ends')}</th>
              <th scope="col">{t('newsroom.bans.status')}</th>
              <th scope="col">{t('newsroom.bans.action')}</th>
            </tr>
          </thead>
          <tbody>
            {bans.map((ban) => (
              <tr>
                <th scope="row">
                  <bdi>{ban.label || '—'}</bdi>
                </th>
                <td>{t(`newsroom.bans.kind.${ban.kind}`)}</td>
                <td>{masthead.i18n.dateTime(ban.createdAt)}</td>
                <td>{ban.endsAt ? masthead.i18n.dateTime(ban.endsAt) : t('newsroom.bans.never')}</td>
                <td>{t(banHolds(ban, now) ? 'newsroom.bans.standing' : 'newsroom.bans.ended')}</td>
                <td>
                  <form method="post" action={`/newsroom/comments/bans/${ban.id}/lift`}>
                    <input type="hidden" name="_csrf" value={csrf} />
                    <input type="hidden" name="service" value={serviceCode} />
                    <input type="hidden" name="q" value={text} />
                    <button type="submit" aria-label={t('newsroom.bans.liftFor', { name: ban.label || '—', kind: t(`newsroom.bans.kind.${ban.kind}`) })}>
                      {t('newsroom.bans.lift')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pager masthead={masthead} page={page} hasNext={hasNext} pageUrl={(n) => bansUrl(serviceCode, text, n)} />
    </NewsroomLayout>
  );
}
