import type { QueuedComment } from '../../domain/comment/comment.js';
import { notFound } from '../../domain/shared/errors.js';
import { requirePermission } from '../../domain/user/permissions.js';
import type { Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

/** One comment in any state, with what a moderator needs to judge it (a ban after a rejection). Needs comments.moderate on its service. */
export async function getModeratedComment(deps: Pick<ActionDeps, 'store'>, actor: Actor, commentId: number): Promise<QueuedComment> {
  const read = deps.store.read;
  const comment = await read.comments.findById(commentId);
  const story = comment && (await read.stories.findById(comment.storyId));
  if (!comment || !story) throw notFound('COMMENT_NOT_FOUND', 'There is no such comment', { context: { commentId } });
  requirePermission(actor, 'comments.moderate', { serviceCode: story.serviceCode });
  return { ...comment, serviceCode: story.serviceCode, storyHeadline: story.headline, reportCount: await read.comments.reportCount(comment.id) };
}
