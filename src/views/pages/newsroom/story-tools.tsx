import type { CommentsState, StoryNote, StoryStatus } from '../../../domain/story/story.js';
import type { Translator } from '../../../i18n/i18n.js';

export interface StoryToolsProps {
  readonly i18n: Translator;
  readonly csrf: string;
  readonly storyId: number;
  readonly status: StoryStatus;
  readonly commentsState: CommentsState;
  readonly notes: readonly StoryNote[];
  readonly may: { readonly file: boolean; readonly publish: boolean; readonly unpublish: boolean; readonly note: boolean; readonly comments: boolean };
}

/** The story's newsroom tools under its form: workflow, notes, comments, revisions. Plain forms with the CSRF token. */
export function StoryTools({ i18n, csrf, storyId, status, commentsState, notes, may }: StoryToolsProps) {
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
      {may.publish && status !== 'published' ? (
        <>
          <form method="post" action={`${base}/publish`} class="newsroom-action">
            <Csrf />
            <button type="submit">{t('newsroom.form.publish')}</button>
          </form>
          <form method="post" action={`${base}/publish`} class="newsroom-form newsroom-schedule">
            <Csrf />
            <h3>{t('newsroom.tools.schedule')}</h3>
            <label for="schedule-date">{t('newsroom.tools.scheduleDate')}</label>
            <input id="schedule-date" name="date" type="date" required />
            <label for="schedule-time">{t('newsroom.tools.scheduleTime')}</label>
            <input id="schedule-time" name="time" type="time" required />
            <button type="submit">{t('newsroom.tools.scheduleSubmit')}</button>
          </form>
        </>
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
      <p>
        <a href={`${base}/revisions`}>{t('newsroom.tools.revisions')}</a> · <a href={`${base}/preview`}>{t('newsroom.tools.previewSaved')}</a> ·{' '}
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
          <textarea id="note-text" name="text" rows={3} maxLength={2000} required></textarea>
          <button type="submit">{t('newsroom.tools.addNoteSubmit')}</button>
        </form>
      ) : null}
    </section>
  );
}
