import { parseStoryInput } from '../../domain/story/parse-story.js';
import type { ActionDeps } from '../deps.js';
import { checkStoryReferences } from './check-story-references.js';

/** Saves a new story as a draft. Returns its id. */
export async function createStory(deps: ActionDeps, input: unknown): Promise<number> {
  const story = parseStoryInput(input);
  const now = deps.clock.now();
  const id = await deps.store.transaction(async (repos) => {
    await checkStoryReferences(repos, story);
    return repos.stories.insert(story, { status: 'draft', publishedAt: null, updatedAt: null }, now);
  });
  deps.events.publish({ type: 'story.changed', storyId: id, serviceCode: story.serviceCode });
  return id;
}
