import type { Comment } from '../../domain/comment/comment.js';
import type { ActionDeps } from '../deps.js';

export const QUEUE_PAGE_SIZE = 50;

/** Comments waiting for a moderator of the service (held or reported), oldest first, a page at a time. */
export async function listModerationQueue(
  deps: Pick<ActionDeps, 'store'>,
  serviceCode: string,
  page: number,
): Promise<{ comments: Comment[]; hasNext: boolean }> {
  const rows = await deps.store.read.comments.listQueue(serviceCode, { limit: QUEUE_PAGE_SIZE + 1, offset: (page - 1) * QUEUE_PAGE_SIZE });
  return { comments: rows.slice(0, QUEUE_PAGE_SIZE), hasNext: rows.length > QUEUE_PAGE_SIZE };
}
