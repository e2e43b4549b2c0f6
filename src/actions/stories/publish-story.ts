import { invalid } from '../../domain/shared/errors.js';
import type { ActionDeps } from '../deps.js';
import { requireStory } from './check-story-references.js';

/**
 * Publishes a story now, or at `at` if given. A story published before keeps its first
 * publish time when it is published again after being withdrawn.
 */
export async function publishStory(deps: ActionDeps, storyId: number, options: { at?: Date } = {}): Promise<void> {
  const now = deps.clock.now();
  if (options.at && Number.isNaN(options.at.getTime())) throw invalid('FIELD_INVALID', 'publish time is not a date', 'at');
  const story = await deps.store.transaction(async (repos) => {
    const existing = await requireStory(repos, storyId);
    const publishedAt = options.at ?? existing.publishedAt ?? now;
    await repos.stories.setStatus(storyId, 'published', publishedAt, now);
    return existing;
  });
  deps.events.publish({ type: 'story.changed', storyId, serviceCode: story.serviceCode });
}
