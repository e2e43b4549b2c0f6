import type { Comment, CommentState } from '../../domain/comment/comment.js';
import { DomainError, invalid, notFound } from '../../domain/shared/errors.js';
import { isId } from '../../domain/shared/limits.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import type { Emit, Repositories } from '../../store/store.js';

/** A moderator's decision on one comment, as the audit log names it. */
export type ModerationDecision = 'approve' | 'reject' | 'spam';

export const MODERATION_DECISIONS: readonly ModerationDecision[] = ['approve', 'reject', 'spam'];

/** At most this many comments in one bulk decision (a queue page holds 50). */
export const MAX_BULK_COMMENTS = 100;

const TARGET: Readonly<Record<ModerationDecision, Extract<CommentState, 'visible' | 'rejected' | 'spam'>>> = {
  approve: 'visible',
  reject: 'rejected',
  spam: 'spam',
};

/** Moves a comment to a moderator's decision (see moderateComments). Shared by approve, reject and spam. */
export async function moderateComment(deps: ActionDeps, actor: Actor, commentId: number, decision: ModerationDecision): Promise<Comment> {
  const now = deps.clock.now();
  return deps.store.transaction(async (repos, emit) => {
    const comment = await repos.comments.findById(commentId);
    if (!comment) throw notFound('COMMENT_NOT_FOUND', 'There is no such comment', { context: { commentId } });
    return decide(repos, emit, actor, comment, decision, now);
  });
}

/**
 * One decision on several comments at once, all or nothing: an unknown id, a comment of a
 * service the person does not moderate, or one another moderator changed meanwhile leaves
 * every comment as it was. Each comment is audited on its own.
 */
export async function moderateComments(deps: ActionDeps, actor: Actor, commentIds: readonly number[], decision: unknown): Promise<Comment[]> {
  if (typeof decision !== 'string' || !(MODERATION_DECISIONS as readonly string[]).includes(decision)) {
    throw invalid('MODERATION_DECISION_INVALID', 'The decision must be approve, reject or spam', 'decision');
  }
  const ids = [...new Set(commentIds)];
  if (ids.length === 0) throw invalid('COMMENTS_NOT_CHOSEN', 'Choose at least one comment', 'ids');
  if (ids.length > MAX_BULK_COMMENTS) throw invalid('FIELD_INVALID', `At most ${MAX_BULK_COMMENTS} comments at once`, 'ids');
  const now = deps.clock.now();
  return deps.store.transaction(async (repos, emit) => {
    const comments: Comment[] = [];
    const unknown: number[] = [];
    for (const id of ids) {
      const comment = isId(id) ? await repos.comments.findById(id) : undefined;
      if (comment) comments.push(comment);
      else unknown.push(id);
    }
    if (unknown.length > 0) {
      throw invalid('COMMENTS_UNKNOWN', `There is no comment ${unknown.join(', ')}; nothing was changed`, { field: 'ids', context: { unknown } });
    }
    const decided: Comment[] = [];
    for (const comment of comments) decided.push(await decide(repos, emit, actor, comment, decision as ModerationDecision, now));
    return decided;
  });
}

/**
 * Moves a comment to a moderator's decision inside the caller's transaction, keeps the count in
 * step, clears its reports, writes the newsroom audit log, and tells the page cache.
 */
async function decide(
  repos: Repositories,
  emit: Emit,
  actor: Actor,
  comment: Comment,
  decision: ModerationDecision,
  now: Date,
): Promise<Comment> {
  const to = TARGET[decision];
  const story = await repos.stories.findById(comment.storyId);
  if (!story) throw notFound('STORY_NOT_FOUND', 'There is no such story', { context: { storyId: comment.storyId } });
  requirePermission(actor, 'comments.moderate', { serviceCode: story.serviceCode });
  if (comment.state !== to && !(await repos.comments.changeState(comment, comment.state, to))) {
    throw new DomainError('COMMENT_CHANGED', 'Another moderator changed this comment; reload the queue');
  }
  await repos.comments.clearReports(comment.id);
  await repos.audit.record(
    { userId: actorUserId(actor), action: `comment.${decision}`, subject: `comment:${comment.id}`, details: { serviceCode: story.serviceCode, from: comment.state } },
    now,
  );
  emit({ type: 'comments.changed', storyId: comment.storyId, serviceCode: story.serviceCode, ...(decision === 'approve' ? { approvedCommentId: comment.id } : {}) });
  return { ...comment, state: to };
}
