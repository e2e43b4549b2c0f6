import { notFound } from '../../domain/shared/errors.js';
import type { ActionDeps } from '../deps.js';
import { identityHash, type CommentGuards } from './guards.js';

/** A reader reports a comment: it goes to the moderators' queue. One report per reader per comment. */
export async function reportComment(
  deps: ActionDeps & { readonly guards: Pick<CommentGuards, 'secret'> },
  input: { commentId: number; address: string; browserToken: string | null },
): Promise<{ reported: boolean }> {
  const reporter = input.browserToken
    ? identityHash(deps.guards.secret, 'token', input.browserToken)
    : identityHash(deps.guards.secret, 'address', input.address);
  const now = deps.clock.now();
  return deps.store.transaction(async (repos) => {
    const comment = await repos.comments.findById(input.commentId);
    if (!comment || comment.state !== 'visible') throw notFound('COMMENT_NOT_FOUND', 'There is no such comment', { context: { commentId: input.commentId } });
    return { reported: await repos.comments.addReport(comment.id, reporter, now) };
  });
}
