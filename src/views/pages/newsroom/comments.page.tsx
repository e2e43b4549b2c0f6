import type { CommentSettings } from '../../../domain/comment/comment-settings.js';
import type { QueuedComment } from '../../../domain/comment/comment.js';
import type { LanguageService } from '../../../domain/service/service.js';
import { NewsroomLayout, type NewsroomMasthead } from '../../layouts/newsroom.layout.js';
import { FormError, Pager } from './parts.js';
import { NAME_SLOT, WithNames } from '../../components/isolate.js';

export type QueueShow = 'all' | 'reported' | 'held';

/** Where the queue page stands: service, filter, story and page; every form posts it back. */
export interface QueueView {
  readonly serviceCode: string;
  readonly show: QueueShow;
  readonly storyId: number | null;
  readonly page: number;
}

/** What was sent when a form was refused: shown again with the reason, on the same form. */
export type RefusedForm =
  | { readonly form: 'bulk'; readonly message: string; readonly ids: readonly number[]; readonly decision: string }
  | {
      readonly form: 'ban';
      readonly message: string;
      readonly commentId: number;
      readonly kinds: readonly string[];
      readonly until: string;
      readonly removeQueued: boolean;
    };

export interface CommentsPageProps {
  readonly masthead: NewsroomMasthead;
  /** The services the signed-in person moderates. */
  readonly services: readonly LanguageService[];
  readonly view: QueueView;
  readonly comments: readonly QueuedComment[];
  readonly hasNext: boolean;
  /** The headline of the story the queue is narrowed to, when it is. */
  readonly storyHeadline: string | null;
  /** The service's settings, when the person may change them (editors, admins). */
  readonly settings: CommentSettings | null;
  readonly refused?: RefusedForm | null;
  /** What the last form did: bulk (with a count and the comments decided on, to ban their authors next), ban. */
  readonly done?: { readonly what: 'bulk' | 'ban'; readonly count: number; readonly decided?: readonly QueuedComment[] } | null;
}

/** Query of the queue page for a view. */
export function queueUrl(view: QueueView, page = view.page): string {
  const query = new URLSearchParams({ service: view.serviceCode, show: view.show });
  if (view.storyId !== null) query.set('story', String(view.storyId));
  if (page > 1) query.set('page', String(page));
  return `/newsroom/comments?${query.toString()}`;
}

/** The hidden fields that bring a form back to the same view. */
function ViewFields({ view, csrf }: { view: QueueView; csrf: string }) {
  return (
    <>
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="service" value={view.serviceCode} />
      <input type="hidden" name="show" value={view.show} />
      {view.storyId !== null ? <input type="hidden" name="story" value={String(view.storyId)} /> : null}
      <input type="hidden" name="page" value={String(view.page)} />
    </>
  );
}

/**
 * The moderation queue of one service: what waits (held, reported) and, under "all", the
 * comments of the last days that show already (post-moderation), filterable by story. One form
 * decides on every ticked comment; each comment has its own decisions and a ban form that holds
 * to the browser and the pseudonym first, the address only when chosen and with an end.
 */
export function CommentsPage({ masthead, services, view, comments, hasNext, storyHeadline, settings, refused = null, done = null }: CommentsPageProps) {
  const { t } = masthead.i18n;
  const csrf = masthead.user?.csrfToken ?? '';
  const bulkRefused = refused?.form === 'bulk' ? refused : null;
  return (
    <NewsroomLayout masthead={masthead} title={t('newsroom.comments.title')}>
      <h1>{t('newsroom.comments.title')}</h1>
      {services.length === 0 ? (
        <p>{t('newsroom.comments.noServices')}</p>
      ) : (
        <form method="get" action="/newsroom/comments" class="newsroom-filter">
          <label for="queue-service">{t('newsroom.comments.service')}</label>
          <select id="queue-service" name="service">
            {services.map((s) => (
              <option value={s.code} selected={s.code === view.serviceCode}>
                {s.name}
              </option>
            ))}
          </select>
          <label for="queue-show">{t('newsroom.comments.filter')}</label>
          <select id="queue-show" name="show">
            {(['all', 'reported', 'held'] as const).map((show) => (
              <option value={show} selected={show === view.show}>
                {t(`newsroom.comments.filter.${show}`)}
              </option>
            ))}
          </select>
          {view.storyId !== null ? <input type="hidden" name="story" value={String(view.storyId)} /> : null}
          <button type="submit">{t('newsroom.comments.show')}</button>
        </form>
      )}
      {view.serviceCode ? (
        <p>
          <a href={`/newsroom/comments/bans?service=${encodeURIComponent(view.serviceCode)}`}>{t('newsroom.comments.bans')}</a>
        </p>
      ) : null}
      {view.storyId !== null ? (
        <p class="queue-story">
          {t('newsroom.comments.onlyStory')}{' '}
          <a href={`/newsroom/stories/${view.storyId}`} dir="auto">
            {storyHeadline ?? `#${view.storyId}`}
          </a>{' '}
          · <a href={queueUrl({ ...view, storyId: null, page: 1 })}>{t('newsroom.comments.allStories')}</a>
        </p>
      ) : null}
      {done ? (
        <div class="form-saved" role="status">
          <p>{done.what === 'bulk' ? t('newsroom.comments.done.bulk', { count: String(done.count) }) : t('newsroom.comments.done.ban')}</p>
          {done.decided && done.decided.length > 0 ? (
            <ul>
              {done.decided.map((comment) => (
                <li>
                  <a href={banPageUrl(comment.id, view)}>
                    <WithNames text={t('newsroom.comments.banAuthorOf', { name: NAME_SLOT })} names={[comment.authorName]} />
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {services.length > 0 && comments.length === 0 ? <p>{t('newsroom.comments.none')}</p> : null}
      {comments.length > 0 ? (
        <form method="post" action="/newsroom/comments/bulk" id="bulk" class="bulk-moderation">
          <ViewFields view={view} csrf={csrf} />
          <fieldset>
            <legend>{t('newsroom.comments.bulk.legend')}</legend>
            <FormError error={bulkRefused?.message ?? null} />
            <label for="bulk-decision">{t('newsroom.comments.bulk.decision')}</label>{' '}
            <select id="bulk-decision" name="decision">
              {(['approve', 'reject', 'spam'] as const).map((verb) => (
                <option value={verb} selected={bulkRefused?.decision === verb}>
                  {t(`newsroom.comments.${verb}`)}
                </option>
              ))}
            </select>{' '}
            <button type="submit">{t('newsroom.comments.bulk.apply')}</button>
          </fieldset>
        </form>
      ) : null}
      {comments.length > 0 ? (
        <ol class="moderation-queue" aria-label={t('newsroom.comments.title')}>
          {comments.map((comment) => (
            <li>
              <QueuedItem masthead={masthead} view={view} csrf={csrf} comment={comment} refused={refused} />
            </li>
          ))}
        </ol>
      ) : null}
      <Pager masthead={masthead} page={view.page} hasNext={hasNext} pageUrl={(n) => queueUrl(view, n)} />
      {settings ? <SettingsForm masthead={masthead} settings={settings} csrf={csrf} /> : null}
    </NewsroomLayout>
  );
}

function stateKey(comment: QueuedComment) {
  if (comment.state === 'held') return 'newsroom.comments.state.held';
  if (comment.state === 'rejected' || comment.state === 'spam') return `newsroom.comments.state.${comment.state}` as const;
  return comment.reportCount > 0 ? 'newsroom.comments.state.visible' : 'newsroom.comments.state.shown';
}

/** Who wrote a comment and when (labels its article), its state and reports, and its text, shown as text. */
export function CommentDetails({ masthead, comment }: { masthead: NewsroomMasthead; comment: QueuedComment }) {
  const { t } = masthead.i18n;
  return (
    <>
      <p class="meta" id={`comment-${comment.id}-by`}>
        <WithNames text={t('newsroom.comments.by', { name: NAME_SLOT, time: masthead.i18n.dateTime(comment.createdAt) })} names={[comment.authorName]} />
      </p>
      <p class="meta">
        {t(stateKey(comment))} · {t('newsroom.comments.reports', { count: String(comment.reportCount) })}
      </p>
      <blockquote class="comment-text" dir="auto">
        {comment.body.split(/\n{2,}/).map((paragraph) => (
          <p>{paragraph}</p>
        ))}
      </blockquote>
    </>
  );
}

function QueuedItem({ masthead, view, csrf, comment, refused }: { masthead: NewsroomMasthead; view: QueueView; csrf: string; comment: QueuedComment; refused: RefusedForm | null }) {
  const { t } = masthead.i18n;
  const ticked = refused?.form === 'bulk' && refused.ids.includes(comment.id);
  const prefix = `comment-${comment.id}`;
  return (
    <article class="queued-comment" aria-labelledby={`${prefix}-by`}>
      <p class="meta">
        <input type="checkbox" id={`${prefix}-pick`} name={prefix} value="1" form="bulk" checked={ticked} aria-describedby={`${prefix}-by`} />{' '}
        <label for={`${prefix}-pick`}>{t('newsroom.comments.select')}</label>
      </p>
      <p class="meta">
        {t('newsroom.comments.onStory')}: <a href={`/newsroom/stories/${comment.storyId}`} dir="auto">{comment.storyHeadline}</a>
        {view.storyId === null ? (
          <>
            {' '}
            · <a href={queueUrl({ ...view, storyId: comment.storyId, page: 1 })}>{t('newsroom.comments.storyOnly')}</a>
          </>
        ) : null}
      </p>
      <CommentDetails masthead={masthead} comment={comment} />
      <div class="moderation-actions" role="group" aria-label={t('newsroom.comments.actionsFor', { name: comment.authorName })}>
        {(['approve', 'reject', 'spam'] as const).map((verb) => (
          <form method="post" action={`/newsroom/comments/${comment.id}/${verb}`}>
            <ViewFields view={view} csrf={csrf} />
            <button type="submit">{t(`newsroom.comments.${verb}`)}</button>
          </form>
        ))}
      </div>
      <details class="ban-details" open={refused?.form === 'ban' && refused.commentId === comment.id}>
        <summary>
          <WithNames text={t('newsroom.comments.banLegend', { name: NAME_SLOT })} names={[comment.authorName]} />
        </summary>
        <BanForm masthead={masthead} view={view} csrf={csrf} comment={comment} refused={refused} />
      </details>
    </article>
  );
}

/** The page that bans the author of one comment (any state: after a rejection too), back to the same queue view. */
export function banPageUrl(commentId: number, view: QueueView): string {
  return `/newsroom/comments/${commentId}/ban?${queueUrl(view).split('?')[1] ?? ''}`;
}

/**
 * Bans the author of a comment: by browser (ticked first) and pseudonym; by network address
 * only when ticked, with an end. A refusal is shown in this form, with what was chosen.
 */
export function BanForm({
  masthead,
  view,
  csrf,
  comment,
  refused,
  standalone = false,
}: {
  masthead: NewsroomMasthead;
  view: QueueView;
  csrf: string;
  comment: QueuedComment;
  refused: RefusedForm | null;
  /** On the comment's own ban page: a refusal comes back there. */
  standalone?: boolean;
}) {
  const { t } = masthead.i18n;
  const ban = refused?.form === 'ban' && refused.commentId === comment.id ? refused : null;
  const banKinds: readonly string[] = ban ? ban.kinds : ['token'];
  const prefix = `comment-${comment.id}`;
  return (
    <form method="post" action={`/newsroom/comments/${comment.id}/ban`} class="ban-form">
      <ViewFields view={view} csrf={csrf} />
      {standalone ? <input type="hidden" name="from" value="comment" /> : null}
      <fieldset>
        <legend>
          <WithNames text={t('newsroom.comments.banLegend', { name: NAME_SLOT })} names={[comment.authorName]} />
        </legend>
        <FormError error={ban?.message ?? null} />
        {(['token', 'pseudonym', 'address'] as const).map((kind) => (
          <label>
            <input type="checkbox" name={`by-${kind}`} value="1" checked={banKinds.includes(kind)} /> {t(`newsroom.comments.banBy.${kind}`)}
          </label>
        ))}
        <p>
          <label for={`${prefix}-until`}>{t('newsroom.comments.banUntil')}</label>{' '}
          <input type="date" id={`${prefix}-until`} name="until" value={ban?.until ?? ''} aria-describedby={`${prefix}-until-hint`} />
          <br />
          <small id={`${prefix}-until-hint`}>{t('newsroom.comments.banUntilHint')}</small>
        </p>
        <label>
          <input type="checkbox" name="removeQueued" value="1" checked={ban?.removeQueued ?? false} /> {t('newsroom.comments.banRemoveQueued')}
        </label>{' '}
        <button type="submit">{t('newsroom.comments.ban')}</button>
      </fieldset>
    </form>
  );
}

function SettingsForm({ masthead, settings, csrf }: { masthead: NewsroomMasthead; settings: CommentSettings; csrf: string }) {
  const { t } = masthead.i18n;
  return (
    <section aria-labelledby="settings-title" class="comment-settings">
      <h2 id="settings-title">
        {t('newsroom.settings.title')} ({settings.serviceCode})
      </h2>
      <form method="post" action="/newsroom/comments/settings" class="newsroom-form">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="service" value={settings.serviceCode} />
        <fieldset>
          <legend>{t('newsroom.settings.moderation')}</legend>
          {(['pre', 'post'] as const).map((mode) => (
            <label>
              <input type="radio" name="moderation" value={mode} checked={settings.moderation === mode} /> {t(`newsroom.settings.${mode}`)}
            </label>
          ))}
        </fieldset>
        <p>
          <label for="settings-auto-close">{t('newsroom.settings.autoClose')}</label>
          <input id="settings-auto-close" name="autoCloseDays" type="number" min="1" max="3650" value={settings.autoCloseDays ?? ''} />
        </p>
        <p>
          <label for="settings-max-links">{t('newsroom.settings.maxLinks')}</label>
          <input id="settings-max-links" name="maxLinks" type="number" min="0" max="50" value={settings.maxLinks} />
        </p>
        <p>
          <label for="settings-banned-words">{t('newsroom.settings.bannedWords')}</label>
          <textarea id="settings-banned-words" name="bannedWords" rows={6}>
            {settings.bannedWords.join('\n')}
          </textarea>
        </p>
        <button type="submit">{t('newsroom.settings.save')}</button>
      </form>
    </section>
  );
}
