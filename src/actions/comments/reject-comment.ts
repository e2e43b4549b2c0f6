import type { Comment } from '../../domain/comment/comment.js';
import type { ActionDeps } from '../deps.js';
import { moderateComment, type Moderator } from './moderate-comment.js';

/** A moderator removes a comment from view. */
export function rejectComment(deps: ActionDeps, moderator: Moderator, commentId: number): Promise<Comment> {
  return moderateComment(deps, moderator, commentId, 'rejected', 'reject');
}
