import type { ActionDeps } from '../deps.js';

/**
 * The pipeline gave up: a media item still waiting for its first rendition becomes "failed"
 * with the reason. An item already playable stays "ready" with what it has.
 */
export async function markMediaFailed(deps: ActionDeps, mediaId: number, reason: string): Promise<void> {
  await deps.store.transaction(async (repos, emit) => {
    const item = await repos.media.findById(mediaId);
    if (!item || item.state !== 'processing') return;
    await repos.media.setState(mediaId, 'failed', reason, deps.clock.now());
    emit({ type: 'media.changed', mediaId });
  });
}
