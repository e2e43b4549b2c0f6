import type { StoredMediaItem } from '../../domain/media/media.js';
import { notFound } from '../../domain/shared/errors.js';
import { parseMediaText } from '../../domain/media/media-text.js';
import { parseFocalPoint } from '../../domain/media/focal-point.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { requireMedia } from './media-library.js';

export interface MediaTextChange {
  readonly title?: unknown;
  /** null or "" clears it; absent keeps it. */
  readonly caption?: unknown;
  readonly credit?: unknown;
  readonly altText?: unknown;
  /** { x, y } from 0 to 1, or null for the centre; absent keeps it. */
  readonly focalPoint?: { readonly x: unknown; readonly y: unknown } | null;
}

/** Edits a media item's title, caption, credit, alt text and focal point; fields left out keep their value. */
export async function editMedia(deps: ActionDeps, actor: Actor, mediaId: number, change: MediaTextChange): Promise<StoredMediaItem> {
  requirePermission(actor, 'media.edit');
  const now = deps.clock.now();
  await deps.store.transaction(async (repos, emit) => {
    // Read under a lock: two edits of different fields at once both keep their change.
    await repos.media.lockForEdit(mediaId);
    const current = await repos.media.findById(mediaId);
    if (!current) throw notFound('MEDIA_NOT_FOUND', 'there is no media item with this id', { context: { mediaId } });
    const text = parseMediaText({
      title: change.title === undefined ? current.title : change.title,
      caption: change.caption === undefined ? current.caption : change.caption,
      credit: change.credit === undefined ? current.credit : change.credit,
      altText: change.altText === undefined ? current.altText : change.altText,
    });
    const focalPoint = change.focalPoint === undefined ? undefined : change.focalPoint === null ? null : parseFocalPoint(change.focalPoint.x, change.focalPoint.y);
    await repos.media.updateText(mediaId, text, now);
    if (focalPoint !== undefined) await repos.media.setFocalPoint(mediaId, focalPoint, now);
    await repos.audit.record({ userId: actorUserId(actor), action: 'media.edit', subject: `media:${mediaId}` }, now);
    emit({ type: 'media.changed', mediaId });
  });
  return requireMedia(deps, mediaId);
}
