import type { QueuedComment } from '../../domain/comment/comment.js';
import { invalid } from '../../domain/shared/errors.js';
import { requirePermission } from '../../domain/user/permissions.js';
import type { Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

export const QUEUE_PAGE_SIZE = 50;

/** Comments waiting for a moderator of the service (held or reported), oldest first, a page at a time. */
export async function listModerationQueue(
  deps: Pick<ActionDeps, 'store'>,
  actor: Actor,
  serviceCode: string,
  page: number,
): Promise<{ comments: QueuedComment[]; hasNext: boolean }> {
  requirePermission(actor, 'comments.moderate', { serviceCode });
  if (!Number.isInteger(page) || page < 1) throw invalid('PAGE_INVALID', 'page is a whole number from 1', 'page');
  const rows = await deps.store.read.comments.listQueue(serviceCode, { limit: QUEUE_PAGE_SIZE + 1, offset: (page - 1) * QUEUE_PAGE_SIZE });
  return { comments: rows.slice(0, QUEUE_PAGE_SIZE), hasNext: rows.length > QUEUE_PAGE_SIZE };
}
