import type { ActionDeps } from '../deps.js';
import { applyPending, findPending } from './pending-version.js';

/**
 * Publishes every scheduled story whose time has come, and puts live every scheduled update
 * of a live story. The scheduler calls it on start (so a time that passed while the server was
 * stopped is caught up) and when the next item comes due. Each item is claimed by one atomic
 * write, so when several nodes run it at the same moment each item is published once.
 * Returns the ids it published or updated.
 */
export async function publishDueStories(deps: ActionDeps): Promise<number[]> {
  const now = deps.clock.now();
  const done: number[] = [];
  const [due, updates] = await Promise.all([deps.store.read.stories.dueScheduled(now, 100), deps.store.read.stories.duePendingUpdates(now, 100)]);
  // One transaction per item: one that fails (a media item deleted since) does not hold back the rest.
  for (const item of due) {
    const claimed = await deps.store.transaction(async (repos, emit) => {
      if (!(await repos.stories.claimScheduled(item.id, now))) return false;
      await repos.audit.record({ userId: null, action: 'story.publish', subject: `story:${item.id}`, details: { scheduled: true } }, now);
      emit({ type: 'story.changed', storyId: item.id, serviceCode: item.serviceCode, change: 'published' });
      return true;
    });
    if (claimed) done.push(item.id);
  }
  for (const item of updates) {
    try {
      const applied = await deps.store.transaction(async (repos, emit) => {
        const [pending, story] = await Promise.all([findPending(repos, item.id), repos.stories.findById(item.id)]);
        if (!pending || !story || story.status !== 'published') return false;
        if (!(await repos.stories.claimPendingUpdate(item.id, item.revisionId, now))) return false;
        await applyPending(repos, emit, story, pending, null, now);
        return true;
      });
      if (applied) done.push(item.id);
    } catch (error) {
      // The pending text can no longer go live as it is (something it shows was deleted): it
      // stays pending, unscheduled, for an editor to see why when pressing Update.
      await deps.store.transaction(async (repos, emit) => {
        await repos.stories.setPending(item.id, item.revisionId, null);
        const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown';
        await repos.audit.record({ userId: null, action: 'story.update-failed', subject: `story:${item.id}`, details: { code } }, now);
        emit({ type: 'story.changed', storyId: item.id, serviceCode: item.serviceCode });
      });
    }
  }
  return done;
}
