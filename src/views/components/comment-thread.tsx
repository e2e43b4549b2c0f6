import type { ThreadNode } from '../../domain/comment/thread.js';
import type { Translator } from '../../i18n/i18n.js';
import type { CommentUrls } from '../page-model.js';
import { CommentBody } from './comment-body.js';
import { NAME_SLOT, WithNames } from './isolate.js';

export interface CommentItemProps {
  readonly node: ThreadNode;
  readonly i18n: Translator;
  readonly urls: CommentUrls;
  readonly formToken: string;
  readonly canReply: boolean;
  readonly ownIds: ReadonlySet<number>;
  readonly highlightId: number | null;
  /** Names of the comments shown, to say whom a flattened deep reply answers. */
  readonly names: ReadonlyMap<number, string>;
  readonly parentShownAbove: boolean;
}

/** One comment with its replies nested below it. */
export function CommentItem(props: CommentItemProps) {
  const { node, i18n, urls, formToken, canReply, ownIds, highlightId, names } = props;
  const { comment } = node;
  const t = i18n.t;
  const id = `comment-${comment.id}`;
  const classes = ['comment', comment.parentId ? 'comment-reply' : null, highlightId === comment.id ? 'comment-highlight' : null];
  return (
    <li id={id} class={classes.filter(Boolean).join(' ')} data-depth={node.depth}>
      <article aria-labelledby={`${id}-author`}>
        <p class="comment-meta">
          <strong id={`${id}-author`}>
            <bdi>{comment.authorName}</bdi>
          </strong>{' '}
          <a href={urls.permalink(comment.id)}>
            <time dateTime={comment.createdAt.toISOString()}>{i18n.dateTime(comment.createdAt)}</time>
          </a>
          {comment.editedAt ? <> {t('comments.edited')}</> : null}
          {comment.parentId && !props.parentShownAbove && names.has(comment.parentId) ? (
            <>
              {' · '}
              <a href={`#comment-${comment.parentId}`}>
                <WithNames text={t('comments.replyTo', { name: NAME_SLOT })} names={[names.get(comment.parentId) ?? '']} />
              </a>
            </>
          ) : null}
        </p>
        <CommentBody text={comment.body} />
        <div class="comment-actions">
          {canReply ? (
            <a href={urls.reply(comment.id)} class="comment-reply-link" data-reply-to={comment.id} data-reply-name={comment.authorName}>
              {t('comments.reply')}
            </a>
          ) : null}
          {ownIds.has(comment.id) ? (
            <>
              <a href={urls.edit(comment.id)}>{t('comments.edit')}</a>
              <form method="post" action={urls.remove(comment.id)} class="inline-form">
                <input type="hidden" name="_form" value={formToken} />
                <button type="submit">{t('comments.delete')}</button>
              </form>
            </>
          ) : (
            <form method="post" action={urls.report(comment.id)} class="inline-form">
              <input type="hidden" name="_form" value={formToken} />
              <button type="submit">{t('comments.report')}</button>
            </form>
          )}
        </div>
      </article>
      {node.replies.length ? (
        <ol class="comment-replies">
          {node.replies.map((reply) => (
            <CommentItem
              key={reply.comment.id}
              {...props}
              node={reply}
              // Replies beyond the deepest level are shown at it and say whom they answer.
              parentShownAbove={reply.depth > node.depth && reply.comment.parentId === comment.id}
            />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

export function threadNames(threads: readonly ThreadNode[]): Map<number, string> {
  const names = new Map<number, string>();
  const visit = (node: ThreadNode) => {
    names.set(node.comment.id, node.comment.authorName);
    node.replies.forEach(visit);
  };
  threads.forEach(visit);
  return names;
}
