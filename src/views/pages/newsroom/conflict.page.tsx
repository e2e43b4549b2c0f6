import { NewsroomLayout, type NewsroomMasthead } from '../../layouts/newsroom.layout.js';

export interface ConflictPageProps {
  readonly masthead: NewsroomMasthead;
  readonly storyId: number;
  /** The story's version now (someone else's save). */
  readonly current: number;
  /** The two revisions to compare: the saved one and the refused one kept as a revision (null when not found). */
  readonly theirs: number | null;
  readonly mine: number | null;
}

/**
 * A save refused because someone else saved first, from the Save button or a restore: the same
 * explanation the editor's autosave gives, with links to both versions and their difference.
 */
export function ConflictPage({ masthead, storyId, current, theirs, mine }: ConflictPageProps) {
  const { t } = masthead.i18n;
  const base = `/newsroom/stories/${storyId}`;
  return (
    <NewsroomLayout masthead={masthead} title={t('newsroom.conflict.title')}>
      <h1>{t('newsroom.conflict.title')}</h1>
      <p role="alert" class="form-error">
        {t('newsroom.autosave.conflict', { version: current })}
      </p>
      <ul>
        {theirs !== null && mine !== null ? (
          <li>
            <a href={`${base}/revisions/diff?from=${theirs}&to=${mine}`}>{t('newsroom.autosave.conflictDiff')}</a>
          </li>
        ) : null}
        <li>
          <a href={base}>{t('newsroom.autosave.loadLatest')}</a>
        </li>
        <li>
          <a href={`${base}/revisions`}>{t('newsroom.conflict.yours')}</a>
        </li>
      </ul>
    </NewsroomLayout>
  );
}
