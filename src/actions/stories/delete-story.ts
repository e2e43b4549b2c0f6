import { requireDeletable } from '../../domain/story/workflow.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { requireStory } from './check-story-references.js';

/**
 * Deletes a draft that readers never saw (a reporter: their own). Its revisions are not lost: the
 * audit log's entry keeps every one (who saved it, when, and what it said). A published, scheduled
 * or withdrawn story is refused and nothing changes. Returns the deleted story's headline.
 */
export async function deleteStory(deps: ActionDeps, actor: Actor, storyId: number): Promise<string> {
  const now = deps.clock.now();
  return deps.store.transaction(async (repos) => {
    const existing = await requireStory(repos, storyId);
    requirePermission(actor, 'story.delete', { serviceCode: existing.serviceCode, authorId: existing.authorId, status: existing.status });
    requireDeletable(existing);
    const revisions = await repos.revisions.all(storyId);
    await repos.audit.record(
      {
        userId: actorUserId(actor),
        action: 'story.delete',
        subject: `story:${storyId}`,
        details: {
          headline: existing.headline,
          serviceCode: existing.serviceCode,
          revisions: revisions.map((r) => ({
            id: r.id,
            version: r.version,
            kind: r.kind,
            autosave: r.autosave,
            userId: r.userId,
            at: r.at.toISOString(),
            content: r.content,
          })),
        },
      },
      now,
    );
    await repos.stories.delete(storyId);
    // Readers never saw it: no page, feed or index entry to purge (the search index is kept in step above).
    return existing.headline;
  });
}
