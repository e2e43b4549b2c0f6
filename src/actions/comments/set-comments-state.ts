import { parseCommentsState } from '../../domain/story/parse-story.js';
import type { ActionDeps } from '../deps.js';
import { requireStory } from '../stories/check-story-references.js';

/** Closes or reopens a story's forum. Existing comments stay visible either way. */
export async function setCommentsState(deps: ActionDeps, storyId: number, state: unknown): Promise<void> {
  const commentsState = parseCommentsState(state);
  const now = deps.clock.now();
  const story = await deps.store.transaction(async (repos) => {
    const existing = await requireStory(repos, storyId);
    await repos.stories.setCommentsState(storyId, commentsState, now);
    return existing;
  });
  deps.events.publish({ type: 'comments.changed', storyId, serviceCode: story.serviceCode });
}
