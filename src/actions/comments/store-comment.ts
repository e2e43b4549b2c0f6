import { invalid } from '../../domain/shared/errors.js';
import { requireText } from '../../domain/shared/text.js';
import type { CommentState } from '../../domain/comment/comment.js';
import type { ActionDeps } from '../deps.js';
import { requireStory } from '../stories/check-story-references.js';

/**
 * Stores a comment with its state, keeping the story's count in step. Readers' posting,
 * with its spam defences and moderation, is built on this in the comments capability.
 */
export async function storeComment(
  deps: ActionDeps,
  input: { storyId: number; parentId?: number | null; authorName: unknown; body: unknown; state: CommentState; at?: Date },
): Promise<number> {
  const authorName = requireText(input.authorName, 'authorName', 80);
  const body = requireText(input.body, 'body', 5_000);
  const createdAt = input.at ?? deps.clock.now();
  return deps.store.transaction(async (repos, emit) => {
    const story = await requireStory(repos, input.storyId);
    if (input.parentId) {
      const parent = await repos.comments.findById(input.parentId);
      if (!parent || parent.storyId !== story.id) {
        throw invalid('COMMENT_PARENT_INVALID', 'the comment answered is not a comment on this story', 'parentId');
      }
    }
    const comment = await repos.comments.insert({
      storyId: story.id,
      parentId: input.parentId ?? null,
      authorName,
      body,
      state: input.state,
      createdAt,
    });
    emit({ type: 'comments.changed', storyId: story.id, serviceCode: story.serviceCode });
    return comment.id;
  });
}
