import type { Comment, CommentState } from '../../domain/comment/comment.js';
import { DomainError, notFound } from '../../domain/shared/errors.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

/** A moderator's decision on one comment, as the audit log names it. */
export type ModerationDecision = 'approve' | 'reject' | 'spam';

const TARGET: Readonly<Record<ModerationDecision, Extract<CommentState, 'visible' | 'rejected' | 'spam'>>> = {
  approve: 'visible',
  reject: 'rejected',
  spam: 'spam',
};

/**
 * Moves a comment to a moderator's decision, keeps the count in step, clears its reports,
 * writes the newsroom audit log, and tells the page cache. Shared by approve, reject and spam.
 */
export async function moderateComment(deps: ActionDeps, actor: Actor, commentId: number, decision: ModerationDecision): Promise<Comment> {
  const to = TARGET[decision];
  const now = deps.clock.now();
  const { comment, serviceCode } = await deps.store.transaction(async (repos) => {
    const comment = await repos.comments.findById(commentId);
    if (!comment) throw notFound('COMMENT_NOT_FOUND', 'There is no such comment', { commentId });
    const story = await repos.stories.findById(comment.storyId);
    if (!story) throw notFound('STORY_NOT_FOUND', 'There is no such story', { storyId: comment.storyId });
    requirePermission(actor, 'comments.moderate', { serviceCode: story.serviceCode });
    if (comment.state !== to && !(await repos.comments.changeState(comment, comment.state, to))) {
      throw new DomainError('COMMENT_CHANGED', 'conflict', 'Another moderator changed this comment; reload the queue');
    }
    await repos.comments.clearReports(comment.id);
    await repos.audit.record(
      { userId: actorUserId(actor), action: `comment.${decision}`, subject: `comment:${commentId}`, details: { serviceCode: story.serviceCode, from: comment.state } },
      now,
    );
    return { comment: { ...comment, state: to }, serviceCode: story.serviceCode };
  });
  deps.events.publish({ type: 'comments.changed', storyId: comment.storyId, serviceCode, ...(decision === 'approve' ? { approvedCommentId: comment.id } : {}) });
  return comment;
}
