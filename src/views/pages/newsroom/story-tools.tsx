import type { CommentsState, StoryNote, StoryStatus } from '../../../domain/story/story.js';
import type { Translator } from '../../../i18n/i18n.js';
import { ZonedTime, type TimeZones } from '../../components/newsroom/zoned-time.js';

/** A schedule form as it was sent (kept when it is refused), and why it was refused. */
export interface ScheduleEntry {
  /** Which form: publishing at a time, or putting a live story's changes live at a time. */
  readonly form: 'publish' | 'update';
  readonly date: string;
  readonly time: string;
  readonly error: string | null;
}

export interface StoryToolsProps {
  readonly i18n: Translator;
  readonly csrf: string;
  readonly storyId: number;
  readonly status: StoryStatus;
  readonly commentsState: CommentsState;
  readonly notes: readonly StoryNote[];
  readonly may: { readonly file: boolean; readonly publish: boolean; readonly unpublish: boolean; readonly note: boolean; readonly comments: boolean; readonly edit: boolean; readonly delete?: boolean };
  /** When a scheduled story publishes (its publish time). */
  readonly publishedAt: Date | null;
  /** A live story's unpublished changes: whether there are any, and when they go live by themselves. */
  readonly pending: { readonly applyAt: Date | null } | null;
  readonly zones: TimeZones;
  /** A refused schedule form, with what was typed. */
  readonly schedule: ScheduleEntry | null;
  /** A refused Update, Discard or Cancel: why. */
  readonly toolError: string | null;
  /** Never published: a draft or filed story readers never saw, which may be deleted. */
  readonly neverPublished?: boolean;
}

/** Where a message's {time} goes when it is a <time> element. */
export const TIME_SLOT = '\u0000';

/** A message with a zoned <time> where its {time} was (given as TIME_SLOT). */
export function WithTime({ i18n, text, at, zones }: { i18n: Translator; text: string; at: Date; zones: TimeZones }) {
  const [before = '', after = ''] = text.split(TIME_SLOT);
  return (
    <>
      {before}
      <ZonedTime i18n={i18n} at={at} zones={zones} />
      {after}
    </>
  );
}

/** A date and a time in the person's zone, with both zones named; kept as typed when refused. */
function ScheduleForm(props: { i18n: Translator; csrf: string; action: string; id: string; title: string; submit: string; zones: TimeZones; entry: ScheduleEntry | null }) {
  const { i18n, csrf, action, id, title, submit, zones, entry } = props;
  const { t } = i18n;
  const errorId = `${id}-error`;
  const described = entry?.error ? `${id}-zones ${errorId}` : `${id}-zones`;
  return (
    <form method="post" action={action} class="newsroom-form newsroom-schedule" id={id}>
      <input type="hidden" name="_csrf" value={csrf} />
      <h3>{title}</h3>
      <p id={`${id}-zones`} class="meta">
        {t('newsroom.schedule.zones', { zone: zones.own, serviceZone: zones.service })}
      </p>
      {entry?.error ? (
        <p id={errorId} class="form-error" role="alert">
          {entry.error}
        </p>
      ) : null}
      <label for={`${id}-date`}>{t('newsroom.tools.scheduleDate')}</label>
      <input id={`${id}-date`} name="date" type="date" required value={entry?.date ?? ''} aria-describedby={described} aria-invalid={entry?.error ? 'true' : undefined} />
      <label for={`${id}-time`}>{t('newsroom.tools.scheduleTime', { zone: zones.own })}</label>
      <input id={`${id}-time`} name="time" type="time" required value={entry?.time ?? ''} aria-describedby={described} aria-invalid={entry?.error ? 'true' : undefined} />
      <button type="submit">{submit}</button>
    </form>
  );
}

/** The story's newsroom tools under its form: workflow, notes, comments, revisions. Plain forms with the CSRF token. */
export function StoryTools({ i18n, csrf, storyId, status, commentsState, notes, may, publishedAt, pending, zones, schedule, toolError, neverPublished = false }: StoryToolsProps) {
  const { t } = i18n;
  const base = `/newsroom/stories/${storyId}`;
  const Csrf = () => <input type="hidden" name="_csrf" value={csrf} />;
  return (
    <section class="story-tools" aria-labelledby="story-tools-heading">
      <h2 id="story-tools-heading">{t('newsroom.tools.title')}</h2>
      {may.file && status === 'draft' ? (
        <form method="post" action={`${base}/file`} class="newsroom-action">
          <Csrf />
          <button type="submit">{t('newsroom.form.file')}</button>
        </form>
      ) : null}
      {toolError ? (
        <p class="form-error" role="alert" id="story-tools-error">
          {toolError}
        </p>
      ) : null}
      {status === 'scheduled' && publishedAt ? (
        <p id="scheduled-at">
          <WithTime i18n={i18n} text={t('newsroom.schedule.at', { time: TIME_SLOT })} at={publishedAt} zones={zones} />
        </p>
      ) : null}
      {may.publish && status === 'scheduled' ? (
        <form method="post" action={`${base}/cancel-schedule`} class="newsroom-action">
          <Csrf />
          <button type="submit">{t('newsroom.schedule.cancel')}</button>
        </form>
      ) : null}
      {may.publish && status !== 'published' ? (
        <>
          <form method="post" action={`${base}/publish`} class="newsroom-action">
            <Csrf />
            <button type="submit">{t('newsroom.form.publish')}</button>
          </form>
          <ScheduleForm
            i18n={i18n}
            csrf={csrf}
            action={`${base}/publish`}
            id="schedule"
            title={t('newsroom.tools.schedule')}
            submit={t('newsroom.tools.scheduleSubmit')}
            zones={zones}
            entry={schedule?.form === 'publish' ? schedule : null}
          />
        </>
      ) : null}
      {status === 'published' && pending && may.publish ? (
        <>
          {pending.applyAt ? (
            <form method="post" action={`${base}/cancel-update`} class="newsroom-action">
              <Csrf />
              <button type="submit">{t('newsroom.pending.cancelSchedule')}</button>
            </form>
          ) : null}
          <ScheduleForm
            i18n={i18n}
            csrf={csrf}
            action={`${base}/update`}
            id="schedule-update"
            title={t('newsroom.pending.scheduleUpdate')}
            submit={t('newsroom.pending.scheduleUpdateSubmit')}
            zones={zones}
            entry={schedule?.form === 'update' ? schedule : null}
          />
        </>
      ) : null}
      {status === 'published' && pending && may.edit ? (
        <form method="post" action={`${base}/discard`} class="newsroom-action">
          <Csrf />
          <button type="submit">{t('newsroom.pending.discard')}</button>
        </form>
      ) : null}
      {may.unpublish && (status === 'published' || status === 'scheduled') ? (
        <form method="post" action={`${base}/unpublish`} class="newsroom-action">
          <Csrf />
          <button type="submit">{t('newsroom.tools.unpublish')}</button>
        </form>
      ) : null}
      {may.comments ? (
        <form method="post" action={`${base}/comments-state`} class="newsroom-action">
          <Csrf />
          <input type="hidden" name="state" value={commentsState === 'open' ? 'closed' : 'open'} />
          <button type="submit">{t(commentsState === 'open' ? 'newsroom.tools.closeComments' : 'newsroom.tools.reopenComments')}</button>
        </form>
      ) : null}
      {may.delete && neverPublished && (status === 'draft' || status === 'filed') ? (
        <form method="post" action={`${base}/delete`} class="newsroom-action newsroom-delete">
          <Csrf />
          <p id="delete-hint" class="meta">
            {t('newsroom.story.deleteHint')}
          </p>
          <button type="submit" aria-describedby="delete-hint">
            {t('newsroom.story.delete')}
          </button>
        </form>
      ) : null}
      <p>
        <a href={`${base}/revisions`}>{t('newsroom.tools.revisions')}</a> · <a href={`${base}/live`}>{t('newsroom.live.title')}</a> · <a href={`${base}/preview`}>{t('newsroom.tools.previewSaved')}</a> ·{' '}
        <a href={`${base}/translations`}>{t('newsroom.translations.tool')}</a>
      </p>
      {notes.length ? (
        <>
          <h3>{t('newsroom.tools.notes')}</h3>
          <ul>
            {notes.map((note) => (
              <li>
                <strong>{t(note.kind === 'correction' ? 'story.correction' : 'story.update')}</strong>{' '}
                <time dateTime={note.at.toISOString()}>{i18n.dateTime(note.at)}</time>: {note.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {may.note ? (
        <form method="post" action={`${base}/notes`} class="newsroom-form">
          <Csrf />
          <h3>{t('newsroom.tools.addNote')}</h3>
          <label for="note-kind">{t('newsroom.tools.noteKind')}</label>
          <select id="note-kind" name="kind">
            <option value="update">{t('story.update')}</option>
            <option value="correction">{t('story.correction')}</option>
          </select>
          <label for="note-text">{t('newsroom.tools.noteText')}</label>
          <textarea id="note-text" name="text" rows={3} maxLength={2000} required dir="auto"></textarea>
          <button type="submit">{t('newsroom.tools.addNoteSubmit')}</button>
        </form>
      ) : null}
    </section>
  );
}
