import type { ActionDeps } from '../deps.js';
import type { CommentGuards } from './guards.js';
import { requireOwnComment } from './own-comment.js';

/** The author deletes their comment within the edit window; replies to it stay. */
export async function deleteOwnComment(
  deps: ActionDeps & { readonly guards: Pick<CommentGuards, 'secret'> },
  input: { commentId: number; browserToken: string | null },
): Promise<void> {
  const now = deps.clock.now();
  await deps.store.transaction(async (repos, emit) => {
    const comment = await requireOwnComment(repos, deps.guards.secret, input.commentId, input.browserToken, now);
    await repos.comments.markDeleted(comment, now);
    const story = await repos.stories.findById(comment.storyId);
    emit({ type: 'comments.changed', storyId: comment.storyId, serviceCode: story?.serviceCode ?? '' });
  });
}
