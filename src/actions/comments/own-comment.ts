import { canStillEdit, type Comment } from '../../domain/comment/comment.js';
import { DomainError, notFound } from '../../domain/shared/errors.js';
import type { Repositories } from '../../store/store.js';
import { identityHash } from './guards.js';

/** A comment its author may still change: their browser token matches and the edit window is open. */
export async function requireOwnComment(
  repos: Repositories,
  secret: string,
  commentId: number,
  browserToken: string | null,
  now: Date,
): Promise<Comment> {
  const comment = await repos.comments.findById(commentId);
  const provenance = await repos.comments.findProvenance(commentId);
  if (!comment || !provenance || comment.state === 'rejected' || comment.state === 'spam') {
    throw notFound('COMMENT_NOT_FOUND', 'There is no such comment', { context: { commentId } });
  }
  if (!browserToken || !provenance.tokenHash || identityHash(secret, 'token', browserToken) !== provenance.tokenHash) {
    throw new DomainError('COMMENT_NOT_YOURS', 'Only the author can change this comment, from the browser they posted it from');
  }
  if (!canStillEdit(comment, now)) {
    throw new DomainError('COMMENT_EDIT_EXPIRED', 'A comment can only be changed in the first minutes after posting');
  }
  return comment;
}

/** Whether this browser may still change the comment: for showing Edit and Delete. */
export async function isOwnEditable(repos: Repositories, secret: string, comment: Comment, browserToken: string | null, now: Date) {
  if (!browserToken || !canStillEdit(comment, now)) return false;
  const provenance = await repos.comments.findProvenance(comment.id);
  return provenance?.tokenHash === identityHash(secret, 'token', browserToken);
}
