import type { LanguageService, Section } from '../../../domain/service/service.js';
import type { StoryStatus } from '../../../domain/story/story.js';
import { NewsroomLayout, type NewsroomChrome } from '../../layouts/newsroom.layout.js';

export interface StoryFormValues {
  readonly id: number | null;
  readonly version: number;
  readonly status: StoryStatus | null;
  readonly serviceCode: string;
  readonly sectionId: number | null;
  readonly headline: string;
  readonly deck: string;
  readonly place: string;
  readonly outlet: string;
  /** null: the body has elements the plain form cannot keep. */
  readonly bodyText: string | null;
}

export interface StoryFormPageProps {
  readonly chrome: NewsroomChrome;
  readonly services: readonly LanguageService[];
  readonly sections: readonly Section[];
  readonly values: StoryFormValues;
  readonly error: string | null;
  /** What the signed-in user's role allows on this story (the server checks again). */
  readonly may: { readonly file: boolean; readonly publish: boolean };
}

/** The plain story form: every field labelled, Tab order top to bottom, works without JavaScript. */
export function StoryFormPage({ chrome, services, sections, values, error, may }: StoryFormPageProps) {
  const { t } = chrome.i18n;
  const csrf = chrome.user?.csrfToken ?? '';
  const action = values.id ? `/newsroom/stories/${values.id}` : '/newsroom/stories';
  const title = values.id ? t('newsroom.stories.edit') : t('newsroom.stories.new');
  return (
    <NewsroomLayout chrome={chrome} title={title}>
      <h1>{title}</h1>
      {values.status ? <p class="meta">{t('newsroom.form.state', { version: values.version, status: t(`newsroom.status.${values.status}`) })}</p> : null}
      {error ? (
        <p class="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <form method="post" action={action} class="newsroom-form">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="version" value={String(values.version)} />
        <label for="serviceCode">{t('newsroom.form.service')}</label>
        <select id="serviceCode" name="serviceCode">
          {services.map((s) => (
            <option value={s.code} selected={s.code === values.serviceCode}>
              {s.name}
            </option>
          ))}
        </select>
        <label for="sectionId">{t('newsroom.form.section')}</label>
        <select id="sectionId" name="sectionId">
          <option value="">{t('newsroom.form.none')}</option>
          {sections.map((section) => (
            <option value={String(section.id)} selected={section.id === values.sectionId}>
              {section.serviceCode} · {section.name}
            </option>
          ))}
        </select>
        <label for="headline">{t('newsroom.form.headline')}</label>
        <input id="headline" name="headline" required maxLength={300} value={values.headline} />
        <label for="deck">{t('newsroom.form.deck')}</label>
        <textarea id="deck" name="deck" rows={2} maxLength={600}>
          {values.deck}
        </textarea>
        <label for="place">{t('newsroom.form.place')}</label>
        <input id="place" name="place" maxLength={80} value={values.place} />
        <label for="outlet">{t('newsroom.form.outlet')}</label>
        <input id="outlet" name="outlet" maxLength={80} value={values.outlet} />
        <label for="body">{t('newsroom.form.body')}</label>
        {values.bodyText === null ? (
          <p id="body">{t('newsroom.form.bodyRich')}</p>
        ) : (
          <>
            <p id="body-help" class="meta">
              {t('newsroom.form.bodyHelp')}
            </p>
            <textarea id="body" name="body" rows={14} aria-describedby="body-help">
              {values.bodyText}
            </textarea>
          </>
        )}
        <button type="submit">{t('newsroom.form.save')}</button>
      </form>
      {values.id && may.file && values.status === 'draft' ? (
        <form method="post" action={`/newsroom/stories/${values.id}/file`} class="newsroom-action">
          <input type="hidden" name="_csrf" value={csrf} />
          <button type="submit">{t('newsroom.form.file')}</button>
        </form>
      ) : null}
      {values.id && may.publish && values.status !== 'published' ? (
        <form method="post" action={`/newsroom/stories/${values.id}/publish`} class="newsroom-action">
          <input type="hidden" name="_csrf" value={csrf} />
          <button type="submit">{t('newsroom.form.publish')}</button>
        </form>
      ) : null}
    </NewsroomLayout>
  );
}
