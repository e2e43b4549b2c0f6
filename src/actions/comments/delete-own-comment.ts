import type { ActionDeps } from '../deps.js';
import type { CommentGuards } from './guards.js';
import { requireOwnComment } from './own-comment.js';

/** The author deletes their comment within the edit window; replies to it stay. */
export async function deleteOwnComment(
  deps: ActionDeps & { readonly guards: Pick<CommentGuards, 'secret'> },
  input: { commentId: number; browserToken: string | null },
): Promise<void> {
  const now = deps.clock.now();
  const { storyId, serviceCode } = await deps.store.transaction(async (repos) => {
    const comment = await requireOwnComment(repos, deps.guards.secret, input.commentId, input.browserToken, now);
    await repos.comments.markDeleted(comment, now);
    const story = await repos.stories.findById(comment.storyId);
    return { storyId: comment.storyId, serviceCode: story?.serviceCode ?? '' };
  });
  deps.events.publish({ type: 'comments.changed', storyId, serviceCode });
}
