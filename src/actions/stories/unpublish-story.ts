import { requireTransition } from '../../domain/story/workflow.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { requireStory } from './check-story-references.js';

/** Withdraws a published (or scheduled) story: its address answers 410 Gone and it leaves every list. */
export async function unpublishStory(deps: ActionDeps, actor: Actor, storyId: number): Promise<void> {
  const now = deps.clock.now();
  const story = await deps.store.transaction(async (repos) => {
    const existing = await requireStory(repos, storyId);
    requirePermission(actor, 'story.unpublish', { serviceCode: existing.serviceCode });
    requireTransition('unpublish', existing.status);
    await repos.stories.setStatus(storyId, 'unpublished', existing.publishedAt, now);
    await repos.audit.record({ userId: actorUserId(actor), action: 'story.unpublish', subject: `story:${storyId}` }, now);
    return existing;
  });
  deps.events.publish({ type: 'story.changed', storyId, serviceCode: story.serviceCode, ...(story.status === 'published' ? { change: 'unpublished' as const } : {}) });
}
