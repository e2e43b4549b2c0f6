import type { QueuedComment } from '../../domain/comment/comment.js';
import { invalid } from '../../domain/shared/errors.js';
import { isId } from '../../domain/shared/limits.js';
import { requirePermission } from '../../domain/user/permissions.js';
import type { Actor } from '../../domain/user/user.js';
import type { QueueShow } from '../../store/repositories/comments.repository.js';
import type { ActionDeps } from '../deps.js';

export const QUEUE_PAGE_SIZE = 50;
/** Under "all", visible comments of the last this many days are in the queue too (post-moderation). */
export const RECENT_VISIBLE_DAYS = 7;
export const QUEUE_SHOWS: readonly QueueShow[] = ['all', 'reported', 'held'];

export interface QueueFilter {
  /** all (default): held, reported, and recent visible comments; reported; held. */
  readonly show?: unknown;
  /** Only the comments of this story. */
  readonly storyId?: number;
}

/**
 * The comments a moderator of the service looks at, a page at a time: what waits (held or
 * reported, oldest first) or, by default, those and the visible comments of the last days,
 * newest first, so comments shown at once under post-moderation can be reached and removed.
 */
export async function listModerationQueue(
  deps: Pick<ActionDeps, 'store' | 'clock'>,
  actor: Actor,
  serviceCode: string,
  page: number,
  filter: QueueFilter = {},
): Promise<{ comments: QueuedComment[]; hasNext: boolean; show: QueueShow }> {
  requirePermission(actor, 'comments.moderate', { serviceCode });
  if (!Number.isInteger(page) || page < 1) throw invalid('PAGE_INVALID', 'page is a whole number from 1', 'page');
  const show = filter.show ?? 'all';
  if (typeof show !== 'string' || !(QUEUE_SHOWS as readonly string[]).includes(show)) {
    throw invalid('QUEUE_FILTER_INVALID', `show is one of ${QUEUE_SHOWS.join(', ')}`, 'show');
  }
  if (filter.storyId !== undefined && !isId(filter.storyId)) throw invalid('QUEUE_FILTER_INVALID', 'story is a story number', 'story');
  const recentSince = new Date(deps.clock.now().getTime() - RECENT_VISIBLE_DAYS * 24 * 60 * 60_000);
  const rows = await deps.store.read.comments.listQueue(serviceCode, {
    show: show as QueueShow,
    ...(filter.storyId !== undefined ? { storyId: filter.storyId } : {}),
    recentSince,
    limit: QUEUE_PAGE_SIZE + 1,
    offset: (page - 1) * QUEUE_PAGE_SIZE,
  });
  return { comments: rows.slice(0, QUEUE_PAGE_SIZE), hasNext: rows.length > QUEUE_PAGE_SIZE, show: show as QueueShow };
}
