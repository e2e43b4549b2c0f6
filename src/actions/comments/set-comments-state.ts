import { parseCommentsState } from '../../domain/story/parse-story.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { requireStory } from '../stories/check-story-references.js';

/** Closes or reopens a story's forum. Existing comments stay visible either way. */
export async function setCommentsState(deps: ActionDeps, actor: Actor, storyId: number, state: unknown): Promise<void> {
  const commentsState = parseCommentsState(state);
  const now = deps.clock.now();
  await deps.store.transaction(async (repos, emit) => {
    const existing = await requireStory(repos, storyId);
    requirePermission(actor, 'comments.set-state', { serviceCode: existing.serviceCode });
    await repos.stories.setCommentsState(storyId, commentsState, now);
    await repos.audit.record(
      { userId: actorUserId(actor), action: `comments.${commentsState === 'closed' ? 'close' : 'reopen'}`, subject: `story:${storyId}` },
      now,
    );
    emit({ type: 'comments.changed', storyId, serviceCode: existing.serviceCode });
  });
}
