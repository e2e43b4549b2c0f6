import type { Body } from '../../../domain/body/body.js';
import { MEDIA_TEXT_LIMITS } from '../../../domain/media/media-text.js';
import type { BodyLabels } from '../../../domain/body/editor-document.js';
import type { LanguageService, Section, Tag } from '../../../domain/service/service.js';
import type { CommentsState, StoryNote, StoryStatus } from '../../../domain/story/story.js';
import { BodyEditor } from '../../components/newsroom/body-editor.js';
import { NewsroomLayout, type NewsroomMasthead } from '../../layouts/newsroom.layout.js';
import type { RevisionChange } from '../../../domain/story/revision.js';
import { RevisionDiffList } from '../../components/newsroom/revision-diff.js';
import type { TimeZones } from '../../components/newsroom/zoned-time.js';
import { StoryTools, TIME_SLOT, WithTime, type ScheduleEntry } from './story-tools.js';

/** A live story's unpublished changes as the editor shows them. */
export interface PendingView {
  readonly savedAt: Date;
  readonly applyAt: Date | null;
  /** Against the live version. */
  readonly changes: readonly RevisionChange[];
}

export interface StoryFormValues {
  readonly id: number | null;
  readonly version: number;
  readonly status: StoryStatus | null;
  readonly serviceCode: string;
  readonly sectionId: number | null;
  readonly headline: string;
  readonly deck: string;
  readonly slug: string;
  readonly place: string;
  readonly outlet: string;
  /** One per line. */
  readonly bylines: string;
  readonly credits: string;
  readonly tagIds: readonly number[];
  readonly leadMediaId: string;
  /** This story's caption and credit for its lead media; empty: the media item's own. */
  readonly leadMediaCaption: string;
  readonly leadMediaCredit: string;
  readonly commentsState: CommentsState;
  /** The body as the rich editor starts with it. */
  readonly body: Body;
  /** The body as the plain field shows it; null: it has elements the plain form cannot keep. */
  readonly bodyText: string | null;
  readonly publishedAt: Date | null;
  readonly notes: readonly StoryNote[];
  /** Who wrote it (a saved story): reporters may delete their own drafts only. */
  readonly authorId?: number | null;
}

export interface StoryFormPageProps {
  readonly masthead: NewsroomMasthead;
  readonly services: readonly LanguageService[];
  readonly sections: readonly Section[];
  readonly tags: readonly Tag[];
  readonly values: StoryFormValues;
  readonly labels: BodyLabels;
  readonly leadMediaTitle: string | null;
  /** The lead media item's own caption and credit, shown as what an empty override means. */
  readonly leadMediaDefaults?: { readonly caption: string | null; readonly credit: string | null } | null;
  readonly error: string | null;
  /** What the signed-in user's role allows on this story (the server checks again). */
  readonly may: { readonly file: boolean; readonly publish: boolean; readonly unpublish: boolean; readonly note: boolean; readonly comments: boolean; readonly edit: boolean; readonly delete?: boolean };
  readonly editorScript: string | null;
  /** A live story's pending version (the form shows its text), or null. */
  readonly pending?: PendingView | null;
  readonly zones?: TimeZones;
  /** A refused schedule form, kept as typed. */
  readonly schedule?: ScheduleEntry | null;
  /** A refused story tool (Update, Discard, Cancel): why. */
  readonly toolError?: string | null;
}

/** The status area of a published story: live as it is, or with changes readers do not see yet. */
function LiveState({ masthead, pending, zones, mayPublish }: { masthead: NewsroomMasthead; pending: PendingView | null; zones: TimeZones; mayPublish: boolean }) {
  const { i18n } = masthead;
  const { t } = i18n;
  if (!pending) {
    return (
      <div id="pending-state" class="pending-state">
        <p class="meta">{t('newsroom.pending.live')}</p>
        <p id="pending-flag" class="pending-flag" hidden>
          <strong>{t('newsroom.pending.title')}</strong>: {t('newsroom.pending.flag')}
        </p>
      </div>
    );
  }
  return (
    <section id="pending-state" class="pending-state pending-flag" aria-labelledby="pending-heading">
      <h2 id="pending-heading">{t('newsroom.pending.title')}</h2>
      <p>
        <WithTime i18n={i18n} text={t('newsroom.pending.body', { time: TIME_SLOT })} at={pending.savedAt} zones={zones} />
      </p>
      {pending.applyAt ? (
        <p id="pending-scheduled">
          <WithTime i18n={i18n} text={t('newsroom.pending.scheduled', { time: TIME_SLOT })} at={pending.applyAt} zones={zones} />
        </p>
      ) : null}
      {mayPublish ? null : <p>{t('newsroom.pending.proposal')}</p>}
      <h3>{t('newsroom.pending.diff')}</h3>
      {pending.changes.length === 0 ? <p>{t('newsroom.pending.same')}</p> : <RevisionDiffList i18n={i18n} changes={pending.changes} />}
    </section>
  );
}

/**
 * The story form: every field labelled, Tab order top to bottom, works without JavaScript
 * (the body as plain paragraphs). With JavaScript the editor island takes over the body,
 * saves on its own every few seconds, and says so in the status line.
 */
export function StoryFormPage(props: StoryFormPageProps) {
  const { masthead, services, sections, tags, values, labels, leadMediaTitle, leadMediaDefaults, error, may, editorScript } = props;
  const zones = props.zones ?? { own: 'UTC', service: 'UTC' };
  const pending = props.pending ?? null;
  const { t } = masthead.i18n;
  const csrf = masthead.user?.csrfToken ?? '';
  const action = values.id ? `/newsroom/stories/${values.id}` : '/newsroom/stories';
  const title = values.id ? t('newsroom.stories.edit') : t('newsroom.stories.new');
  return (
    <NewsroomLayout masthead={masthead} title={title} scripts={editorScript ? [editorScript] : []}>
      <h1>{title}</h1>
      {values.status ? (
        <p class="meta" id="story-state">
          {t('newsroom.form.state', { version: values.version, status: t(`newsroom.status.${values.status}`) })}
        </p>
      ) : null}
      {values.status === 'published' ? <LiveState masthead={masthead} pending={pending} zones={zones} mayPublish={may.publish} /> : null}
      {error ? (
        <p class="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <form
        method="post"
        action={action}
        class="newsroom-form story-form"
        id="story-form"
        data-story-id={values.id ? String(values.id) : undefined}
        data-comments-state={values.commentsState}
      >
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="version" value={String(values.version)} />
        <div class="story-main">
          <label for="headline">{t('newsroom.form.headline')}</label>
          <input id="headline" name="headline" required maxLength={300} value={values.headline} dir="auto" />
          <label for="deck">{t('newsroom.form.deck')}</label>
          <textarea id="deck" name="deck" rows={2} maxLength={600} dir="auto">
            {values.deck}
          </textarea>
          {values.bodyText === null ? (
            <p id="body-label" class="field-label">
              {t('newsroom.form.body')}
            </p>
          ) : (
            <label for="body" id="body-label">
              {t('newsroom.form.body')}
            </label>
          )}
          <BodyEditor i18n={masthead.i18n} body={values.body} labels={labels} />
          <input type="hidden" name="bodyJson" id="bodyJson" value="" disabled />
          <div id="body-plain">
            {values.bodyText === null ? (
              <p id="body">{t('newsroom.form.bodyRich')}</p>
            ) : (
              <>
                <p id="body-help" class="meta">
                  {t('newsroom.form.bodyHelp')}
                </p>
                <textarea id="body" name="body" rows={14} aria-describedby="body-help" dir="auto">
                  {values.bodyText}
                </textarea>
              </>
            )}
          </div>
        </div>
        <fieldset class="story-details newsroom-fieldset">
          <legend>{t('newsroom.form.details')}</legend>
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
          <label for="slug">{t('newsroom.form.slug')}</label>
          <input id="slug" name="slug" maxLength={120} value={values.slug} aria-describedby="slug-help" />
          <p id="slug-help" class="meta">
            {t('newsroom.form.slugHelp')}
          </p>
          <label for="place">{t('newsroom.form.place')}</label>
          <input id="place" name="place" maxLength={80} value={values.place} dir="auto" />
          <label for="outlet">{t('newsroom.form.outlet')}</label>
          <input id="outlet" name="outlet" maxLength={80} value={values.outlet} dir="auto" />
          <label for="bylines">{t('newsroom.form.bylines')}</label>
          <textarea id="bylines" name="bylines" rows={2} dir="auto">
            {values.bylines}
          </textarea>
          <label for="credits">{t('newsroom.form.credits')}</label>
          <textarea id="credits" name="credits" rows={2} dir="auto">
            {values.credits}
          </textarea>
          <fieldset class="newsroom-fieldset">
            <legend>{t('newsroom.form.tags')}</legend>
            <input type="hidden" name="tagsShown" value="1" />
            {tags.length === 0 ? <p class="meta">{t('newsroom.form.noTags')}</p> : null}
            {tags.map((tag) => (
              <label class="check">
                <input type="checkbox" name={`tag-${tag.id}`} value="1" data-tag-id={String(tag.id)} checked={values.tagIds.includes(tag.id)} /> {tag.name}
              </label>
            ))}
          </fieldset>
          <fieldset class="newsroom-fieldset">
            <legend>{t('newsroom.form.leadMedia')}</legend>
            <p id="lead-media-current" data-none={t('newsroom.form.none')}>
              {leadMediaTitle ?? t('newsroom.form.none')}
            </p>
            <label for="leadMediaId">{t('newsroom.form.leadMediaId')}</label>
            <input id="leadMediaId" name="leadMediaId" inputMode="numeric" pattern="[0-9]*" maxLength={15} value={values.leadMediaId} />
            <p class="editor-inline-actions">
              <button type="button" id="lead-media-pick" hidden>
                {t('newsroom.form.leadMediaPick')}
              </button>{' '}
              <button type="button" id="lead-media-none" hidden>
                {t('newsroom.form.leadMediaNone')}
              </button>
            </p>
            <label for="leadMediaCaption">{t('newsroom.form.leadMediaCaption')}</label>
            <textarea id="leadMediaCaption" name="leadMediaCaption" rows={2} maxLength={MEDIA_TEXT_LIMITS.caption} aria-describedby="lead-media-text-help" dir="auto">
              {values.leadMediaCaption}
            </textarea>
            <label for="leadMediaCredit">{t('newsroom.form.leadMediaCredit')}</label>
            <input id="leadMediaCredit" name="leadMediaCredit" maxLength={MEDIA_TEXT_LIMITS.credit} value={values.leadMediaCredit} aria-describedby="lead-media-text-help" dir="auto" />
            <p id="lead-media-text-help" class="meta">
              {t('newsroom.form.leadMediaTextHelp')}
              <span id="lead-media-own">
                {leadMediaDefaults?.caption ? <> {t('newsroom.form.leadMediaOwnCaption', { caption: leadMediaDefaults.caption })}</> : null}
                {leadMediaDefaults?.credit ? <> {t('newsroom.form.leadMediaOwnCredit', { credit: leadMediaDefaults.credit })}</> : null}
              </span>
            </p>
          </fieldset>
        </fieldset>
        <p class="editor-inline-actions">
          <button type="submit">{t('newsroom.form.save')}</button>{' '}
          {values.id && values.status === 'published' && may.publish ? (
            <>
              <button type="submit" id="update-live" formAction={`/newsroom/stories/${values.id}/update`}>
                {t('newsroom.pending.update')}
              </button>{' '}
            </>
          ) : null}
          {values.id ? (
            <button type="submit" formAction={`/newsroom/stories/${values.id}/preview`} formTarget="_blank" formNoValidate>
              {t('newsroom.form.preview')}
            </button>
          ) : null}
        </p>
        <p
          id="autosave-status"
          class="meta"
          role="status"
          data-saving={t('newsroom.autosave.saving')}
          data-saved={t('newsroom.autosave.saved', { time: '{time}' })}
          data-failed={t('newsroom.autosave.failed', { reason: '{reason}' })}
        ></p>
        <div id="autosave-conflict" class="form-error" role="alert" hidden data-message={t('newsroom.autosave.conflict', { version: '{version}' })}>
          <p id="autosave-conflict-message"></p>
          <p>
            <a id="autosave-conflict-diff" href={values.id ? `/newsroom/stories/${values.id}/revisions` : '#'}>
              {t('newsroom.autosave.conflictDiff')}
            </a>{' '}
            · <a href={values.id ? `/newsroom/stories/${values.id}` : '#'}>{t('newsroom.autosave.loadLatest')}</a>
          </p>
        </div>
      </form>
      {values.id && values.status ? (
        <StoryTools
          i18n={masthead.i18n}
          csrf={csrf}
          storyId={values.id}
          status={values.status}
          commentsState={values.commentsState}
          notes={values.notes}
          may={may}
          publishedAt={values.publishedAt}
          pending={pending}
          zones={zones}
          schedule={props.schedule ?? null}
          toolError={props.toolError ?? null}
          neverPublished={values.publishedAt === null}
        />
      ) : null}
    </NewsroomLayout>
  );
}
