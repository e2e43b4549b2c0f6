import type { CommentBan } from '../../domain/comment/ban.js';
import { invalid } from '../../domain/shared/errors.js';
import { MAX_QUERY_LENGTH } from '../../domain/shared/limits.js';
import { requirePermission } from '../../domain/user/permissions.js';
import type { Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

export const BANS_PAGE_SIZE = 50;

/** A service's bans not lifted (standing, and those whose end has passed), newest first; `text` searches the pseudonym each was made under. */
export async function listCommentBans(
  deps: Pick<ActionDeps, 'store'>,
  actor: Actor,
  serviceCode: string,
  query: { page: number; text?: string },
): Promise<{ bans: CommentBan[]; hasNext: boolean }> {
  requirePermission(actor, 'comments.moderate', { serviceCode });
  if (!Number.isInteger(query.page) || query.page < 1) throw invalid('PAGE_INVALID', 'page is a whole number from 1', 'page');
  const text = query.text?.trim() ?? '';
  if (text.length > MAX_QUERY_LENGTH) throw invalid('QUERY_TOO_LONG', `The search is at most ${MAX_QUERY_LENGTH} characters`, 'q');
  const rows = await deps.store.read.commentRules.listBans(serviceCode, {
    ...(text ? { text } : {}),
    limit: BANS_PAGE_SIZE + 1,
    offset: (query.page - 1) * BANS_PAGE_SIZE,
  });
  return { bans: rows.slice(0, BANS_PAGE_SIZE), hasNext: rows.length > BANS_PAGE_SIZE };
}
