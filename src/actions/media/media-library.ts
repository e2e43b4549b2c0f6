import { MEDIA_KINDS, MEDIA_STATES, type MediaKind, type MediaState, type StoredMediaItem } from '../../domain/media/media.js';
import { invalid, notFound } from '../../domain/shared/errors.js';
import { requirePermission } from '../../domain/user/permissions.js';
import type { Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

export interface MediaLibraryQuery {
  readonly q?: string;
  readonly kind?: string;
  readonly status?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** The newsroom's media library: newest first, searched in title and caption, filtered by kind and status. */
export async function listMedia(deps: ActionDeps, actor: Actor, query: MediaLibraryQuery) {
  requirePermission(actor, 'media.read');
  const kind = query.kind ? oneOf<MediaKind>(query.kind, MEDIA_KINDS, 'kind') : undefined;
  const state = query.status ? oneOf<MediaState>(query.status, MEDIA_STATES, 'status') : undefined;
  const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
  const offset = Math.max(query.offset ?? 0, 0);
  const text = query.q?.trim();
  const result = await deps.store.read.media.search({
    ...(text ? { text } : {}),
    ...(kind ? { kind } : {}),
    ...(state ? { state } : {}),
    limit,
    offset,
  });
  return { ...result, limit, offset };
}

/** One media item with its renditions and captions. */
export async function getMedia(deps: ActionDeps, actor: Actor, mediaId: number): Promise<StoredMediaItem> {
  requirePermission(actor, 'media.read');
  return requireMedia(deps, mediaId);
}

export async function requireMedia(deps: ActionDeps, mediaId: number): Promise<StoredMediaItem> {
  const item = await deps.store.read.media.findById(mediaId);
  if (!item) throw notFound('MEDIA_NOT_FOUND', 'there is no media item with this id', { context: { mediaId } });
  return item;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], field: string): T {
  const found = allowed.find((option) => option === value);
  if (!found) throw invalid('FIELD_INVALID', `${field} must be one of ${allowed.join(', ')}`, field);
  return found;
}
