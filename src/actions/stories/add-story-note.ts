import { parseNote } from '../../domain/story/parse-story.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { requireStory } from './check-story-references.js';

/** Adds an "updated" note or a correction, shown on the story page with its time. */
export async function addStoryNote(deps: ActionDeps, actor: Actor, storyId: number, input: { kind: unknown; text: unknown }) {
  const note = parseNote(input);
  const now = deps.clock.now();
  const story = await deps.store.transaction(async (repos) => {
    const existing = await requireStory(repos, storyId);
    requirePermission(actor, 'story.note', { serviceCode: existing.serviceCode });
    await repos.stories.addNote(storyId, note, now);
    await repos.audit.record({ userId: actorUserId(actor), action: `story.${note.kind}`, subject: `story:${storyId}` }, now);
    return existing;
  });
  const visible = story.status === 'published' && story.publishedAt !== null && story.publishedAt <= now;
  deps.events.publish({ type: 'story.changed', storyId, serviceCode: story.serviceCode, ...(visible ? { change: note.kind === 'correction' ? ('corrected' as const) : ('updated' as const) } : {}) });
}
