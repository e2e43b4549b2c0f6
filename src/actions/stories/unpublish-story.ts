import type { ActionDeps } from '../deps.js';
import { requireStory } from './check-story-references.js';

/** Withdraws a published story: its address answers 410 Gone and it leaves every list. */
export async function unpublishStory(deps: ActionDeps, storyId: number): Promise<void> {
  const now = deps.clock.now();
  const story = await deps.store.transaction(async (repos) => {
    const existing = await requireStory(repos, storyId);
    await repos.stories.setStatus(storyId, 'unpublished', existing.publishedAt, now);
    return existing;
  });
  deps.events.publish({ type: 'story.changed', storyId, serviceCode: story.serviceCode });
}
