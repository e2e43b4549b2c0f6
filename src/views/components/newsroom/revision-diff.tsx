import type { RevisionChange } from '../../../domain/story/revision.js';
import type { Translator } from '../../../i18n/i18n.js';

/** What changed between two versions of a story, field by field and body element by element. */
export function RevisionDiffList({ i18n, changes }: { i18n: Translator; changes: readonly RevisionChange[] }) {
  const { t } = i18n;
  return (
    <ul class="revision-diff">
      {changes.map((change) =>
        change.kind === 'field' ? (
          <li>
            <strong>{change.field}</strong>: <del>{change.before || '—'}</del> → <ins>{change.after || '—'}</ins>
          </li>
        ) : (
          <li>
            <strong>{t('newsroom.revisions.element', { index: change.index + 1 })}</strong> ({t(`newsroom.revisions.change.${change.change}`)}):{' '}
            {change.before !== null ? <del>{change.before}</del> : null}
            {change.before !== null && change.after !== null ? ' → ' : null}
            {change.after !== null ? <ins>{change.after}</ins> : null}
          </li>
        ),
      )}
    </ul>
  );
}
