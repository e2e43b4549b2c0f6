import { renderDocument } from '../render.js';
import { storyPath } from '../../domain/story/story-path.js';
import { ReaderLayout } from '../layouts/reader.layout.js';
import { Pager } from '../components/story-list.js';
import type { Chrome, CommentsPageModel } from '../page-model.js';

export function CommentsPage({ chrome, model }: { chrome: Chrome; model: CommentsPageModel }) {
  const { story, comments, commentCount } = model;
  const { i18n } = chrome;
  const t = i18n.t;
  const names = new Map(comments.map((c) => [c.id, c.authorName]));
  return (
    <ReaderLayout chrome={chrome} title={`${t('comments.heading', { count: commentCount })}: ${story.headline}`}>
      <article class="comments-page" aria-labelledby="comments-heading">
        <p class="kicker">
          <a href={storyPath(story)}>{story.headline}</a>
        </p>
        <h1 id="comments-heading">{t('comments.heading', { count: commentCount })}</h1>
        {story.commentsState === 'closed' ? <p class="forum-closed">{t('comments.closed')}</p> : null}
        {comments.length === 0 ? <p>{t('comments.none')}</p> : null}
        <ol class="comment-list">
          {comments.map((comment) => (
            <li key={comment.id} id={`comment-${comment.id}`} class={comment.parentId ? 'comment comment-reply' : 'comment'}>
              <article aria-labelledby={`comment-${comment.id}-author`}>
                <p class="comment-meta">
                  <strong id={`comment-${comment.id}-author`}>{comment.authorName}</strong>{' '}
                  <a href={`#comment-${comment.id}`}>
                    <time dateTime={comment.createdAt.toISOString()}>{i18n.dateTime(comment.createdAt)}</time>
                  </a>
                  {comment.parentId && names.has(comment.parentId) ? (
                    <>
                      {' · '}
                      <a href={`#comment-${comment.parentId}`}>
                        {t('comments.replyTo', { name: names.get(comment.parentId) ?? '' })}
                      </a>
                    </>
                  ) : null}
                </p>
                {comment.body.split(/\r?\n\s*\r?\n/).map((paragraph, index) => (
                  <p key={index}>
                    {paragraph.split(/\r?\n/).map((line, i) => (
                      <>
                        {i > 0 ? <br /> : null}
                        {line}
                      </>
                    ))}
                  </p>
                ))}
              </article>
            </li>
          ))}
        </ol>
        <Pager pagination={model.pagination} i18n={i18n} />
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
