import { requireTransition } from '../../domain/story/workflow.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { requireStory } from './check-story-references.js';

/** Files a draft for review by an editor. */
export async function fileStory(deps: ActionDeps, actor: Actor, storyId: number): Promise<void> {
  const now = deps.clock.now();
  await deps.store.transaction(async (repos, emit) => {
    const existing = await requireStory(repos, storyId);
    requirePermission(actor, 'story.file', { serviceCode: existing.serviceCode, authorId: existing.authorId, status: existing.status });
    requireTransition('file', existing.status);
    await repos.stories.setStatus(storyId, 'filed', existing.publishedAt, now);
    await repos.audit.record({ userId: actorUserId(actor), action: 'story.file', subject: `story:${storyId}` }, now);
    emit({ type: 'story.changed', storyId, serviceCode: existing.serviceCode });
  });
}
