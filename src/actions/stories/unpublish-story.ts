import { requireTransition } from '../../domain/story/workflow.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { requireStory } from './check-story-references.js';
import { findPending } from './pending-version.js';

/** Withdraws a published (or scheduled) story: its address answers 410 Gone and it leaves every list. */
export async function unpublishStory(deps: ActionDeps, actor: Actor, storyId: number): Promise<void> {
  const now = deps.clock.now();
  await deps.store.transaction(async (repos, emit) => {
    const existing = await requireStory(repos, storyId);
    requirePermission(actor, 'story.unpublish', { serviceCode: existing.serviceCode });
    requireTransition('unpublish', existing.status);
    // A withdrawn story takes edits directly, so changes still pending become its text (nothing lost).
    const pending = await findPending(repos, storyId);
    if (pending) {
      await repos.stories.update(storyId, pending.content, now);
      await repos.stories.setPending(storyId, null, null);
    }
    await repos.stories.setStatus(storyId, 'unpublished', existing.publishedAt, now);
    await repos.audit.record({ userId: actorUserId(actor), action: 'story.unpublish', subject: `story:${storyId}` }, now);
    emit({ type: 'story.changed', storyId, serviceCode: existing.serviceCode, ...(existing.status === 'published' ? { change: 'unpublished' as const } : {}) });
  });
}
