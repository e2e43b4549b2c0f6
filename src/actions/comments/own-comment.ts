import { canStillEdit, type Comment } from '../../domain/comment/comment.js';
import { DomainError, notFound } from '../../domain/shared/errors.js';
import type { Repositories } from '../../store/store.js';
import { identityHash, type PostingDeps } from './guards.js';

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
    throw notFound('COMMENT_NOT_FOUND', 'There is no such comment', { commentId });
  }
  if (!browserToken || !provenance.tokenHash || identityHash(secret, 'token', browserToken) !== provenance.tokenHash) {
    throw new DomainError('COMMENT_NOT_YOURS', 'forbidden', 'Only the author can change this comment, from the browser they posted it from');
  }
  if (!canStillEdit(comment, now)) {
    throw new DomainError('COMMENT_EDIT_EXPIRED', 'forbidden', 'A comment can only be changed in the first minutes after posting');
  }
  return comment;
}

/** A comment the reader may change, for the edit form. */
export async function getOwnComment(deps: PostingDeps, input: { commentId: number; browserToken: string | null }): Promise<Comment> {
  return requireOwnComment(deps.store.read, deps.guards.secret, input.commentId, input.browserToken, deps.clock.now());
}

/** Which of these comments this browser may still change (for showing Edit and Delete), in one query. */
export async function ownEditableIds(deps: PostingDeps, comments: readonly Comment[], browserToken: string | null): Promise<Set<number>> {
  const now = deps.clock.now();
  const editable = comments.filter((comment) => canStillEdit(comment, now)).map((comment) => comment.id);
  if (!browserToken || editable.length === 0) return new Set();
  return new Set(await deps.store.read.comments.filterByTokenHash(editable, identityHash(deps.guards.secret, 'token', browserToken)));
}
