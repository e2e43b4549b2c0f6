import type { Comment } from '../../domain/comment/comment.js';
import type { ActionDeps } from '../deps.js';
import { moderateComment, type Moderator } from './moderate-comment.js';

/** A moderator marks a comment as spam: removed from view and kept apart from ordinary rejections. */
export function markCommentSpam(deps: ActionDeps, moderator: Moderator, commentId: number): Promise<Comment> {
  return moderateComment(deps, moderator, commentId, 'spam', 'spam');
}
