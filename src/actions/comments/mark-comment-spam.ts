import type { Comment } from '../../domain/comment/comment.js';
import type { Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { moderateComment } from './moderate-comment.js';

/** A moderator marks a comment as spam: removed from view and kept apart from ordinary rejections. Needs comments.moderate on the comment's service. */
export function markCommentSpam(deps: ActionDeps, actor: Actor, commentId: number): Promise<Comment> {
  return moderateComment(deps, actor, commentId, 'spam');
}
