import { parseStoryInput } from '../../domain/story/parse-story.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { checkStoryReferences } from './check-story-references.js';

/** Saves a new story as a draft, with its first revision. Returns its id. */
export async function createStory(deps: ActionDeps, actor: Actor, input: unknown): Promise<number> {
  const story = parseStoryInput(input);
  requirePermission(actor, 'story.create', { serviceCode: story.serviceCode });
  const now = deps.clock.now();
  const userId = actorUserId(actor);
  return deps.store.transaction(async (repos, emit) => {
    await checkStoryReferences(repos, story);
    const storyId = await repos.stories.insert(
      story,
      { status: 'draft', publishedAt: null, updatedAt: null, authorId: userId },
      now,
    );
    await repos.revisions.insert({ storyId, version: 1, kind: 'save', content: story, userId }, now);
    await repos.audit.record({ userId, action: 'story.create', subject: `story:${storyId}` }, now);
    emit({ type: 'story.changed', storyId, serviceCode: story.serviceCode });
    return storyId;
  });
}
