import type { ActionDeps } from '../deps.js';

/** The UTC day of a moment, as the read counters key it: "2026-11-30". */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * One read of a story, from the story page's beacon: adds one to that story's counter for
 * today. Nothing about the reader is kept, not even in the log line. Unknown ids are ignored
 * (the beacon answers the same), so the counter cannot be used to probe for drafts.
 */
export async function countRead(deps: Pick<ActionDeps, 'store' | 'clock'>, storyId: number): Promise<void> {
  const now = deps.clock.now();
  const story = await deps.store.read.stories.findVisibleSummaries([storyId], now);
  if (story.length === 0) return;
  await deps.store.transaction((repos) => repos.frontPage.addReads(storyId, dayOf(now), 1));
}
