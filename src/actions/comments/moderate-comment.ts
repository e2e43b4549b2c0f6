import type { Comment, CommentState } from '../../domain/comment/comment.js';
import { DomainError, notFound } from '../../domain/shared/errors.js';
import { requireText } from '../../domain/shared/text.js';
import type { ActionDeps } from '../deps.js';

/** Who acts. Until newsroom accounts exist, the caller names the moderator; the audit log keeps it. */
export interface Moderator {
  readonly name: string;
}

/**
 * Moves a comment to a moderator's decision, keeps the count in step, clears its reports,
 * writes the audit log, and tells the page cache. Shared by approve, reject and spam.
 */
export async function moderateComment(
  deps: ActionDeps,
  moderator: Moderator,
  commentId: number,
  to: Extract<CommentState, 'visible' | 'rejected' | 'spam'>,
  action: string,
): Promise<Comment> {
  const actor = requireText(moderator.name, 'moderator', 120);
  const now = deps.clock.now();
  const { comment, serviceCode } = await deps.store.transaction(async (repos) => {
    const comment = await repos.comments.findById(commentId);
    if (!comment) throw notFound('COMMENT_NOT_FOUND', 'There is no such comment', { commentId });
    const story = await repos.stories.findById(comment.storyId);
    if (!story) throw notFound('STORY_NOT_FOUND', 'There is no such story', { storyId: comment.storyId });
    if (comment.state !== to && !(await repos.comments.changeState(comment, comment.state, to))) {
      throw new DomainError('COMMENT_CHANGED', 'conflict', 'Another moderator changed this comment; reload the queue');
    }
    await repos.comments.clearReports(comment.id);
    await repos.commentRules.audit({ serviceCode: story.serviceCode, commentId, action, actor, detail: null, at: now });
    return { comment: { ...comment, state: to }, serviceCode: story.serviceCode };
  });
  deps.events.publish({ type: 'comments.changed', storyId: comment.storyId, serviceCode });
  return comment;
}
