import type { LinkedVersion } from '../../../domain/story/translation.js';
import { NewsroomLayout, type NewsroomMasthead } from '../../layouts/newsroom.layout.js';
import { FormError } from './parts.js';

export interface TranslationsPageProps {
  readonly masthead: NewsroomMasthead;
  readonly storyId: number;
  readonly headline: string;
  readonly versions: readonly LinkedVersion[];
  /** May link and unlink (edits the story). */
  readonly mayEdit: boolean;
  readonly error: string | null;
  /** What was typed in the link form, kept when it was refused. */
  readonly typed: string;
}

/** A story's versions in other services (its translation group): link one by its number, unlink one. No script needed. */
export function TranslationsPage({ masthead, storyId, headline, versions, mayEdit, error, typed }: TranslationsPageProps) {
  const { t } = masthead.i18n;
  const csrf = masthead.user?.csrfToken ?? '';
  const base = `/newsroom/stories/${storyId}/translations`;
  return (
    <NewsroomLayout masthead={masthead} title={t('newsroom.translations.title')}>
      <h1>{t('newsroom.translations.title')}</h1>
      <p>
        <a href={`/newsroom/stories/${storyId}`}>{t('newsroom.revisions.back', { headline })}</a>
      </p>
      <p>{t('newsroom.translations.help')}</p>
      {versions.length === 0 ? (
        <p>{t('newsroom.translations.none')}</p>
      ) : (
        <ul class="translation-list">
          {versions.map((version) => (
            <li>
              <span>{version.serviceCode}</span> · <a href={`/newsroom/stories/${version.id}`}>
                <bdi>{version.headline}</bdi>
              </a>{' '}
              · {t(`newsroom.status.${version.status}`)}
              {mayEdit ? (
                <form method="post" action={`${base}/unlink`} class="newsroom-inline-form">
                  <input type="hidden" name="_csrf" value={csrf} />
                  <input type="hidden" name="storyId" value={String(version.id)} />
                  <button type="submit" aria-label={t('newsroom.translations.unlinkLabel', { headline: version.headline })}>
                    {t('newsroom.translations.unlink')}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {mayEdit ? (
        <section aria-labelledby="translation-link-title">
          <h2 id="translation-link-title">{t('newsroom.translations.link')}</h2>
          <FormError error={error} />
          <form method="post" action={base} class="newsroom-form">
            <input type="hidden" name="_csrf" value={csrf} />
            <label for="translation-story">{t('newsroom.translations.storyNumber')}</label>
            <input id="translation-story" name="storyId" inputMode="numeric" required value={typed} aria-describedby="translation-story-help" />
            <p id="translation-story-help" class="help">
              {t('newsroom.translations.storyNumberHelp')}
            </p>
            <button type="submit">{t('newsroom.translations.linkSubmit')}</button>
          </form>
        </section>
      ) : null}
    </NewsroomLayout>
  );
}
