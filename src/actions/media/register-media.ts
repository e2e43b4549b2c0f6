import { invalid } from '../../domain/shared/errors.js';
import { parseMediaText } from '../../domain/media/media-text.js';
import type { MediaItem, MediaKind, MediaState, Rendition } from '../../domain/media/media.js';
import type { ActionDeps } from '../deps.js';

/**
 * Records a media item and the renditions that already exist for it. Uploads and
 * transcoding (the media capability) produce their renditions through the same repository.
 */
export async function registerMedia(
  deps: ActionDeps,
  input: {
    kind: MediaKind;
    title: unknown;
    caption?: unknown;
    credit?: unknown;
    altText?: unknown;
    durationMs: number | null;
    state: MediaState;
    renditions: readonly Rendition[];
  },
): Promise<MediaItem> {
  if (input.state === 'ready' && input.renditions.length === 0) {
    throw invalid('MEDIA_NOT_READY', 'a media item is ready only with at least one rendition', 'renditions');
  }
  if (input.durationMs !== null && (!Number.isInteger(input.durationMs) || input.durationMs < 0)) {
    throw invalid('FIELD_INVALID', 'durationMs must be a whole number of milliseconds', 'durationMs');
  }
  const item = {
    kind: input.kind,
    ...parseMediaText(input),
    durationMs: input.durationMs,
    state: input.state,
    failureReason: null,
    renditions: input.renditions,
  };
  return deps.store.transaction(async (repos, emit) => {
    const saved = await repos.media.insert(item, deps.clock.now());
    emit({ type: 'media.changed', mediaId: saved.id });
    return saved;
  });
}
