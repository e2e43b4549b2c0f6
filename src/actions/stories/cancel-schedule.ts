import { conflict } from '../../domain/shared/errors.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { requireStory } from './check-story-references.js';

/**
 * Takes a scheduled story off the schedule without withdrawing anything: it goes back to
 * "filed" (ready for an editor), unpublished and with no publish time.
 */
export async function cancelSchedule(deps: ActionDeps, actor: Actor, storyId: number): Promise<void> {
  const now = deps.clock.now();
  await deps.store.transaction(async (repos, emit) => {
    const story = await requireStory(repos, storyId);
    requirePermission(actor, 'story.publish', { serviceCode: story.serviceCode });
    if (story.status !== 'scheduled') throw conflict('STORY_NOT_SCHEDULED', `this story is ${story.status}, not scheduled`, 'status');
    await repos.stories.setStatus(storyId, 'filed', null, now);
    await repos.audit.record({ userId: actorUserId(actor), action: 'story.cancel-schedule', subject: `story:${storyId}` }, now);
    emit({ type: 'story.changed', storyId, serviceCode: story.serviceCode });
  });
}
