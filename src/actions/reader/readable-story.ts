import { DomainError, notFound } from '../../domain/shared/errors.js';
import { isVisibleToReaders } from '../../domain/story/story.js';
import type { Repositories } from '../../store/store.js';

/**
 * A story as readers may see it: drafts, filed and scheduled stories are not found;
 * unpublished ones are gone (410), so caches and search engines drop them.
 */
export async function findReadableStory(repos: Repositories, storyId: number, now: Date) {
  const story = await repos.stories.findById(storyId);
  if (story?.status === 'unpublished') {
    throw new DomainError('STORY_GONE', 'This story has been withdrawn', { context: { storyId } });
  }
  // Only a published story whose time has come is readable: drafts, filed and scheduled
  // (embargoed) stories are not found.
  if (!story || !isVisibleToReaders(story, now)) {
    throw notFound('STORY_NOT_FOUND', 'There is no story at this address', { context: { storyId } });
  }
  return story;
}
