import type { ActionDeps } from '../deps.js';

/** The comment a reader is answering, when it is a visible comment of this story (a reply link may outlive it). */
export async function getReplyTarget(
  deps: Pick<ActionDeps, 'store'>,
  input: { storyId: number; commentId: number },
): Promise<{ id: number; authorName: string } | null> {
  const comment = await deps.store.read.comments.findById(input.commentId);
  return comment && comment.storyId === input.storyId && comment.state === 'visible' ? { id: comment.id, authorName: comment.authorName } : null;
}
