import { isForumClosed } from '../../../../domain/comment/comment-settings.js';
import { DomainError, invalid } from '../../../../domain/shared/errors.js';
import { findReadableStory } from '../../../reader/readable-story.js';
import type { PostingContext } from '../context.js';

/** The story is published and its forum open (not closed by an editor, not past its age); the parent is on it. */
export async function checkForumOpen(context: PostingContext): Promise<void> {
  const repos = context.deps.store.read;
  const story = await findReadableStory(repos, context.input.storyId, context.now);
  const settings = await repos.commentRules.settings(story.serviceCode);
  if (isForumClosed(story, settings, context.now)) {
    throw new DomainError('COMMENTS_CLOSED', 'This forum has been closed.');
  }
  if (context.parentId !== null) {
    const parent = await repos.comments.findById(context.parentId);
    if (!parent || parent.storyId !== story.id || parent.state !== 'visible') {
      throw invalid('COMMENT_PARENT_INVALID', 'the comment answered is not a comment on this story', 'parentId');
    }
  }
  context.story = story;
  context.settings = settings;
}
