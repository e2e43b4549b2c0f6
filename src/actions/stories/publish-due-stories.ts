import type { ActionDeps } from '../deps.js';

/**
 * Publishes every scheduled story whose time has come. The scheduler calls it on start
 * (so a time that passed while the server was stopped is caught up) and then periodically.
 * Returns the ids it published.
 */
export async function publishDueStories(deps: ActionDeps): Promise<number[]> {
  const now = deps.clock.now();
  const published = await deps.store.transaction(async (repos) => {
    const due = await repos.stories.dueScheduled(now, 100);
    for (const story of due) {
      const current = await repos.stories.findById(story.id);
      await repos.stories.setStatus(story.id, 'published', current?.publishedAt ?? now, now);
      await repos.audit.record({ userId: null, action: 'story.publish', subject: `story:${story.id}`, details: { scheduled: true } }, now);
    }
    return due;
  });
  for (const story of published) deps.events.publish({ type: 'story.changed', storyId: story.id, serviceCode: story.serviceCode, change: 'published' });
  return published.map((story) => story.id);
}
