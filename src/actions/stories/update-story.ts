import { parseStoryInput } from '../../domain/story/parse-story.js';
import type { ActionDeps } from '../deps.js';
import { checkStoryReferences, requireStory } from './check-story-references.js';

/** Replaces what a story says. Its status and times stay; a moved story purges both services' pages. */
export async function updateStory(deps: ActionDeps, storyId: number, input: unknown): Promise<void> {
  const story = parseStoryInput(input);
  const now = deps.clock.now();
  const before = await deps.store.transaction(async (repos) => {
    const existing = await requireStory(repos, storyId);
    await checkStoryReferences(repos, story);
    await repos.stories.update(storyId, story, now);
    return existing;
  });
  deps.events.publish({ type: 'story.changed', storyId, serviceCode: story.serviceCode });
  if (before.serviceCode !== story.serviceCode) {
    deps.events.publish({ type: 'story.changed', storyId, serviceCode: before.serviceCode });
  }
}
