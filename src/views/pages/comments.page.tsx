import { renderDocument, renderFragment } from '../render.js';
import { storyPath } from '../../domain/story/story-path.js';
import { ReaderLayout } from '../layouts/reader.layout.js';
import { Pager } from '../components/story-list.js';
import { CommentForm } from '../components/comment-form.js';
import { CommentItem, threadNames } from '../components/comment-thread.js';
import type { Chrome, CommentNotice, CommentsPageModel } from '../page-model.js';
import type { MessageKey } from '../../i18n/messages/en.js';

const NOTICES: Record<CommentNotice, MessageKey> = {
  held: 'comments.heldNotice',
  posted: 'comments.postedNotice',
  deleted: 'comments.deletedNotice',
  reported: 'comments.reportedNotice',
};

export function CommentsPage({ chrome, model }: { chrome: Chrome; model: CommentsPageModel }) {
  const { story, threads, commentCount, form, urls } = model;
  const { i18n } = chrome;
  const t = i18n.t;
  const names = threadNames(threads);
  const headingTemplate = t('comments.heading', { count: '{count}' });
  return (
    <ReaderLayout
      chrome={chrome}
      title={`${t('comments.heading', { count: commentCount })}: ${story.headline}`}
      canonicalPath={model.urls.page}
      withComments
    >
      <article class="comments-page" aria-labelledby="comments-heading">
        <p class="kicker">
          <a href={storyPath(story)}>{story.headline}</a>
        </p>
        <h1 id="comments-heading" data-count={commentCount}>
          {t('comments.heading', { count: commentCount })}
        </h1>
        {model.notice ? (
          <p class="comment-notice" role="status">
            {t(NOTICES[model.notice])}
          </p>
        ) : null}
        {model.forumClosed ? <p class="forum-closed">{t('comments.closed')}</p> : null}
        {model.highlightId === null ? (
          <nav class="comment-sort" aria-label={t('comments.sortLabel')}>
            {(['oldest', 'newest'] as const).map((sort) =>
              sort === model.sort ? (
                <span aria-current="true">{t(sort === 'oldest' ? 'comments.sortOldest' : 'comments.sortNewest')}</span>
              ) : (
                <a href={model.sortHref(sort)}>{t(sort === 'oldest' ? 'comments.sortOldest' : 'comments.sortNewest')}</a>
              ),
            )}
          </nav>
        ) : (
          <p>
            <a href={urls.page}>{t('comments.allComments')}</a>
          </p>
        )}
        {threads.length === 0 ? <p class="comments-none">{t('comments.none')}</p> : null}
        <ol class="comment-list">
          {threads.map((node) => (
            <CommentItem
              key={node.comment.id}
              node={node}
              i18n={i18n}
              urls={urls}
              formToken={form?.formToken ?? ''}
              canReply={form !== null}
              ownIds={model.ownIds}
              highlightId={model.highlightId}
              names={names}
              parentShownAbove={false}
            />
          ))}
        </ol>
        <Pager pagination={model.pagination} i18n={i18n} />
        {form ? <CommentForm form={form} i18n={i18n} headingTemplate={headingTemplate} /> : null}
        <p>
          <a href={storyPath(story)}>{t('comments.backToStory')}</a>
        </p>
      </article>
    </ReaderLayout>
  );
}

export function renderCommentsPage(chrome: Chrome, model: CommentsPageModel): string {
  return renderDocument(<CommentsPage chrome={chrome} model={model} />);
}

/** One new comment as HTML, for the comments island to insert in place. */
export function renderCommentFragment(
  i18n: Chrome['i18n'],
  props: { node: CommentsPageModel['threads'][number]; urls: CommentsPageModel['urls']; formToken: string; own: boolean },
): string {
  return renderFragment(
    <CommentItem
      node={props.node}
      i18n={i18n}
      urls={props.urls}
      formToken={props.formToken}
      canReply
      ownIds={new Set(props.own ? [props.node.comment.id] : [])}
      highlightId={null}
      names={new Map()}
      parentShownAbove
    />,
  );
}
