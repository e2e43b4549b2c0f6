import type { ActionDeps } from '../deps.js';

/**
 * The pipeline gave up: a media item still waiting for its first rendition becomes "failed"
 * with the reason. An item already playable stays "ready" with what it has.
 */
export async function markMediaFailed(deps: ActionDeps, mediaId: number, reason: string): Promise<void> {
  const changed = await deps.store.transaction(async (repos) => {
    const item = await repos.media.findById(mediaId);
    if (!item || item.state !== 'processing') return false;
    await repos.media.setState(mediaId, 'failed', reason, deps.clock.now());
    return true;
  });
  if (changed) deps.events.publish({ type: 'media.changed', mediaId });
}
