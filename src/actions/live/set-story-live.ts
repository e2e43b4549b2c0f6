import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { requireStory } from '../stories/check-story-references.js';

/** Turns a story into a live story (it takes timestamped entries), or ends its live coverage (the entries stay). */
export async function setStoryLive(deps: ActionDeps, actor: Actor, storyId: number, live: boolean): Promise<{ liveSince: Date | null }> {
  const now = deps.clock.now();
  return deps.store.transaction(async (repos, emit) => {
    const story = await requireStory(repos, storyId);
    requirePermission(actor, 'story.live', { serviceCode: story.serviceCode });
    const since = await repos.liveEntries.liveSince(storyId);
    const next = live ? (since ?? now) : null;
    if ((since === null) !== (next === null)) {
      await repos.liveEntries.setLive(storyId, next);
      await repos.audit.record({ userId: actorUserId(actor), action: live ? 'story.live' : 'story.live-end', subject: `story:${storyId}` }, now);
    }
    emit({ type: 'story.changed', storyId, serviceCode: story.serviceCode });
    return { liveSince: next };
  });
}
