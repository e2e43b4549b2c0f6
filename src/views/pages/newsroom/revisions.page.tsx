import type { RevisionChange, RevisionKind } from '../../../domain/story/revision.js';
import { RevisionDiffList } from '../../components/newsroom/revision-diff.js';
import { NewsroomLayout, type NewsroomMasthead } from '../../layouts/newsroom.layout.js';

export interface RevisionRow {
  readonly id: number;
  readonly version: number;
  readonly kind: RevisionKind;
  readonly at: Date;
  readonly headline: string;
  /** Who saved it (null: the system, or an account since removed). */
  readonly by: string | null;
  readonly autosave: boolean;
}

export interface RevisionsPageProps {
  readonly masthead: NewsroomMasthead;
  readonly storyId: number;
  readonly headline: string;
  /** The story's current version: a restore is a save based on it. */
  readonly version: number;
  readonly revisions: readonly RevisionRow[];
  readonly mayRestore: boolean;
  /** On the diff page: the two revisions compared and what changed between them. */
  readonly diff: { readonly from: number; readonly to: number; readonly changes: readonly RevisionChange[] } | null;
}

/** A story's revisions, newest first: compare any two (a readable diff) and restore one. No script needed. */
export function RevisionsPage({ masthead, storyId, headline, version, revisions, mayRestore, diff }: RevisionsPageProps) {
  const { t } = masthead.i18n;
  const csrf = masthead.user?.csrfToken ?? '';
  const base = `/newsroom/stories/${storyId}`;
  const title = diff ? t('newsroom.revisions.diffTitle') : t('newsroom.revisions.title');
  const kind = (row: RevisionRow) => `${t(`newsroom.revisions.kind.${row.kind}`)}${row.autosave ? ` (${t('newsroom.revisions.autosaved')})` : ''}`;
  const by = (row: RevisionRow) => row.by ?? t('newsroom.revisions.bySystem');
  const name = (row: RevisionRow) => `${t('newsroom.revisions.version', { version: row.version })} · ${kind(row)} · ${by(row)} · ${masthead.i18n.dateTime(row.at)}`;
  const byId = new Map(revisions.map((row) => [row.id, row]));
  return (
    <NewsroomLayout masthead={masthead} title={title}>
      <h1>{title}</h1>
      <p>
        <a href={base}>{t('newsroom.revisions.back', { headline })}</a>
      </p>
      {diff ? (
        <section aria-labelledby="diff-heading">
          <h2 id="diff-heading">
            {t('newsroom.revisions.between', {
              from: byId.get(diff.from) ? name(byId.get(diff.from)!) : `#${diff.from}`,
              to: byId.get(diff.to) ? name(byId.get(diff.to)!) : `#${diff.to}`,
            })}
          </h2>
          {diff.changes.length === 0 ? <p>{t('newsroom.revisions.same')}</p> : null}
          <RevisionDiffList i18n={masthead.i18n} changes={diff.changes} />
        </section>
      ) : null}
      <form method="get" action={`${base}/revisions/diff`} class="newsroom-form">
        <h2>{t('newsroom.revisions.compare')}</h2>
        <label for="diff-from">{t('newsroom.revisions.from')}</label>
        <select id="diff-from" name="from">
          {revisions.map((row, index) => (
            <option value={String(row.id)} selected={diff ? row.id === diff.from : index === 1}>
              {name(row)}
            </option>
          ))}
        </select>
        <label for="diff-to">{t('newsroom.revisions.to')}</label>
        <select id="diff-to" name="to">
          {revisions.map((row, index) => (
            <option value={String(row.id)} selected={diff ? row.id === diff.to : index === 0}>
              {name(row)}
            </option>
          ))}
        </select>
        <button type="submit">{t('newsroom.revisions.compareSubmit')}</button>
      </form>
      <h2>{t('newsroom.revisions.list')}</h2>
      <table class="revision-table">
        <thead>
          <tr>
            <th scope="col">{t('newsroom.revisions.colVersion')}</th>
            <th scope="col">{t('newsroom.revisions.colKind')}</th>
            <th scope="col">{t('newsroom.revisions.colBy')}</th>
            <th scope="col">{t('newsroom.revisions.colTime')}</th>
            <th scope="col">{t('newsroom.form.headline')}</th>
            {mayRestore ? <th scope="col">{t('newsroom.revisions.colRestore')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {revisions.map((row) => (
            <tr>
              <td>{row.version}</td>
              <td>{kind(row)}</td>
              <td dir="auto">{by(row)}</td>
              <td>
                <time dateTime={row.at.toISOString()}>{masthead.i18n.dateTime(row.at)}</time>
              </td>
              <td>{row.headline}</td>
              {mayRestore ? (
                <td>
                  <form method="post" action={`${base}/revisions/${row.id}/restore`}>
                    <input type="hidden" name="_csrf" value={csrf} />
                    <input type="hidden" name="version" value={String(version)} />
                    <button type="submit" aria-label={t('newsroom.revisions.restoreLabel', { name: name(row) })}>
                      {t('newsroom.revisions.restore')}
                    </button>
                  </form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </NewsroomLayout>
  );
}
