import type { Comment } from '../../domain/comment/comment.js';
import type { ActionDeps } from '../deps.js';
import { moderateComment, type Moderator } from './moderate-comment.js';

/** A moderator lets a held (or reported) comment be seen. */
export function approveComment(deps: ActionDeps, moderator: Moderator, commentId: number): Promise<Comment> {
  return moderateComment(deps, moderator, commentId, 'visible', 'approve');
}
