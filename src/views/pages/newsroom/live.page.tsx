import type { Body } from '../../../domain/body/body.js';
import type { BodyLabels } from '../../../domain/body/editor-document.js';
import type { LiveEntry } from '../../../domain/story/live-entry.js';
import { BodyEditor } from '../../components/newsroom/body-editor.js';
import { NewsroomLayout, type NewsroomMasthead } from '../../layouts/newsroom.layout.js';
import { FormError, Pager } from './parts.js';

/** What the entry form shows: the text (paragraphs separated by a blank line), and its two ticks. */
export interface LiveEntryValues {
  readonly text: string;
  readonly pinned: boolean;
  readonly keyEvent: boolean;
}

export interface LivePageProps {
  readonly masthead: NewsroomMasthead;
  readonly story: { readonly id: number; readonly headline: string };
  readonly liveSince: Date | null;
  readonly mayWrite: boolean;
  /** Each entry with its text for the plain form (null when it has elements only the Admin API writes). */
  readonly entries: readonly (LiveEntry & { readonly text: string | null })[];
  readonly page: number;
  readonly hasNext: boolean;
  readonly values: LiveEntryValues;
  readonly error: string | null;
}

const EMPTY: LiveEntryValues = { text: '', pinned: false, keyEvent: false };

/** The text and ticks of an entry form (new or edit). */
function EntryFields({ masthead, idPrefix, values }: { masthead: NewsroomMasthead; idPrefix: string; values: LiveEntryValues }) {
  const { t } = masthead.i18n;
  return (
    <>
      <label for={`${idPrefix}-text`}>{t('newsroom.live.text')}</label>
      <TextField masthead={masthead} id={`${idPrefix}-text`} values={values} />
      <Ticks masthead={masthead} idPrefix={idPrefix} values={values} />
    </>
  );
}

/** The plain text field: paragraphs separated by a blank line. */
function TextField({ masthead, id, values }: { masthead: NewsroomMasthead; id: string; values: LiveEntryValues }) {
  const { t } = masthead.i18n;
  return (
    <>
      <textarea id={id} name="text" required rows={6} maxLength={20000} aria-describedby={`${id}-help`} dir="auto">
        {values.text}
      </textarea>
      <p id={`${id}-help`} class="meta">
        {t('newsroom.live.textHelp')}
      </p>
    </>
  );
}

/** Pin to the top, Key event. */
function Ticks({ masthead, idPrefix, values }: { masthead: NewsroomMasthead; idPrefix: string; values: LiveEntryValues }) {
  const { t } = masthead.i18n;
  return (
    <>
      <p>
        <input type="checkbox" id={`${idPrefix}-pinned`} name="pinned" value="on" checked={values.pinned} />{' '}
        <label for={`${idPrefix}-pinned`}>{t('newsroom.live.pin')}</label>
      </p>
      <p>
        <input type="checkbox" id={`${idPrefix}-key`} name="keyEvent" value="on" checked={values.keyEvent} />{' '}
        <label for={`${idPrefix}-key`}>{t('newsroom.live.markKey')}</label>
      </p>
    </>
  );
}

/** A story's live coverage in the newsroom: turn it live or end it, post entries, edit, pin, mark and delete them. */
export function LivePage({ masthead, story, liveSince, mayWrite, entries, page, hasNext, values, error }: LivePageProps) {
  const { t, dateTime } = masthead.i18n;
  const csrf = masthead.user?.csrfToken ?? '';
  const base = `/newsroom/stories/${story.id}/live`;
  return (
    <NewsroomLayout masthead={masthead} title={`${t('newsroom.live.title')}: ${story.headline}`}>
      <h1>{t('newsroom.live.title')}</h1>
      <p>
        <a href={`/newsroom/stories/${story.id}`}>{t('newsroom.revisions.back', { headline: story.headline })}</a>
      </p>
      <p>{liveSince ? t('newsroom.live.since', { time: dateTime(liveSince) }) : t('newsroom.live.notLive')}</p>
      {mayWrite ? (
        <form method="post" action={base}>
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="live" value={liveSince ? 'off' : 'on'} />
          <button type="submit">{liveSince ? t('newsroom.live.end') : t('newsroom.live.start')}</button>
        </form>
      ) : null}
      {mayWrite && liveSince ? (
        <section aria-labelledby="live-new-title">
          <h2 id="live-new-title">{t('newsroom.live.new')}</h2>
          <FormError error={error} />
          <form method="post" action={`${base}/entries`} class="newsroom-form">
            <input type="hidden" name="_csrf" value={csrf} />
            <EntryFields masthead={masthead} idPrefix="entry-new" values={values} />
            <button type="submit">{t('newsroom.live.post')}</button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="live-entries-title">
        <h2 id="live-entries-title">{t('newsroom.live.entries')}</h2>
        {entries.length === 0 ? <p>{t('newsroom.live.none')}</p> : null}
        {entries.length > 0 ? (
          <ol class="story-list">
            {entries.map((entry) => (
              <li key={entry.id}>
                <p class="meta">
                  <time dateTime={entry.createdAt.toISOString()}>{dateTime(entry.createdAt)}</time>
                  {entry.pinned ? ` · ${t('live.pinned')}` : ''}
                  {entry.keyEvent ? ` · ${t('live.keyEvent')}` : ''}
                </p>
                <p class="live-entry-text">{entry.text ?? t('newsroom.live.richEntry')}</p>
                {mayWrite && liveSince ? (
                  <p>
                    <a href={`${base}/entries/${entry.id}`} aria-label={t('newsroom.live.editThis', { time: dateTime(entry.createdAt) })}>
                      {t('newsroom.live.edit')}
                    </a>
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        ) : null}
        <Pager masthead={masthead} page={page} hasNext={hasNext} pageUrl={(n) => `${base}?page=${n}`} />
      </section>
    </NewsroomLayout>
  );
}

export interface LiveEntryPageProps {
  readonly masthead: NewsroomMasthead;
  readonly story: { readonly id: number; readonly headline: string };
  readonly entry: LiveEntry;
  /** Null when the entry has elements the plain form cannot keep: then its text is not editable here. */
  readonly values: LiveEntryValues;
  readonly textEditable: boolean;
  /** The body the editor island starts from, with the names of what its cards show. */
  readonly body: Body;
  readonly labels: BodyLabels;
  readonly editorScript: string | null;
  readonly error: string | null;
}

/** One entry: edit its text, pin it, mark it a key event, or delete it. */
export function LiveEntryPage({ masthead, story, entry, values, textEditable, body, labels, editorScript, error }: LiveEntryPageProps) {
  const { t, dateTime } = masthead.i18n;
  const csrf = masthead.user?.csrfToken ?? '';
  const base = `/newsroom/stories/${story.id}/live`;
  return (
    <NewsroomLayout masthead={masthead} title={`${t('newsroom.live.editTitle')}: ${story.headline}`} scripts={editorScript ? [editorScript] : []}>
      <h1>{t('newsroom.live.editTitle')}</h1>
      <p>
        <a href={base}>{t('newsroom.live.back', { headline: story.headline })}</a>
      </p>
      <p class="meta">
        <time dateTime={entry.createdAt.toISOString()}>{dateTime(entry.createdAt)}</time>
      </p>
      <FormError error={error} />
      {/* The editor island takes the text's place when JavaScript is on (as on the story form); without it, plain text, or only the ticks for an entry plain text would flatten. */}
      <form method="post" action={`${base}/entries/${entry.id}`} class="newsroom-form" id="live-entry-form">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="version" value={String(entry.version)} />
        {textEditable ? (
          <label for="body" id="body-label">
            {t('newsroom.live.text')}
          </label>
        ) : (
          <p id="body-label" class="field-label">
            {t('newsroom.live.text')}
          </p>
        )}
        <BodyEditor i18n={masthead.i18n} body={body} labels={labels} />
        <input type="hidden" name="bodyJson" id="bodyJson" value="" disabled />
        <div id="body-plain">
          {textEditable ? <TextField masthead={masthead} id="body" values={values} /> : <p id="body">{t('newsroom.live.richEntryPlain')}</p>}
        </div>
        <Ticks masthead={masthead} idPrefix="entry-edit" values={values} />
        <button type="submit">{t('newsroom.live.save')}</button>
      </form>
      <form method="post" action={`${base}/entries/${entry.id}/delete`}>
        <input type="hidden" name="_csrf" value={csrf} />
        <button type="submit">{t('newsroom.live.delete')}</button>
      </form>
    </NewsroomLayout>
  );
}

export const NO_ENTRY_VALUES = EMPTY;
