import { publishTarget, requirePublishTime, requireTransition } from '../../domain/story/workflow.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { requireStory } from './check-story-references.js';

/**
 * Publishes a story now, or schedules it for `at` if that is in the future (an embargo:
 * nothing shows it before then). A story published before keeps its first publish time
 * when it is published again after being withdrawn. `at` may lie at most a week in the past
 * (BACKDATE_LIMIT_MS).
 */
export async function publishStory(
  deps: ActionDeps,
  actor: Actor,
  storyId: number,
  options: { at?: Date } = {},
): Promise<{ status: 'published' | 'scheduled'; publishedAt: Date }> {
  const now = deps.clock.now();
  if (options.at) requirePublishTime(options.at, now);
  const result = await deps.store.transaction(async (repos) => {
    const existing = await requireStory(repos, storyId);
    requirePermission(actor, 'story.publish', { serviceCode: existing.serviceCode });
    requireTransition('publish', existing.status);
    const keepFirst = existing.status !== 'scheduled' ? existing.publishedAt : null;
    const publishedAt = options.at ?? keepFirst ?? now;
    const status = publishTarget(publishedAt, now);
    await repos.stories.setStatus(storyId, status, publishedAt, now);
    await repos.audit.record(
      { userId: actorUserId(actor), action: `story.${status === 'published' ? 'publish' : 'schedule'}`, subject: `story:${storyId}`, details: { at: publishedAt.toISOString() } },
      now,
    );
    return { serviceCode: existing.serviceCode, status, publishedAt };
  });
  deps.events.publish({ type: 'story.changed', storyId, serviceCode: result.serviceCode, ...(result.status === 'published' ? { change: 'published' as const } : {}) });
  return { status: result.status, publishedAt: result.publishedAt };
}
