import { requirePermission } from '../../domain/user/permissions.js';
import type { Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

/** Who did what, newest first, paginated; by one person and/or one action when asked. Admins only. */
export async function listAudit(
  deps: ActionDeps,
  actor: Actor,
  query: { page?: number; perPage?: number; user?: number; action?: string },
) {
  requirePermission(actor, 'audit.read');
  const perPage = Math.min(Math.max(query.perPage ?? 50, 1), 100);
  const page = Math.max(query.page ?? 1, 1);
  // One more than a page tells whether there is a next one without counting the whole log.
  const entries = await deps.store.read.audit.list(perPage + 1, (page - 1) * perPage, {
    ...(query.user !== undefined ? { userId: query.user } : {}),
    ...(query.action ? { action: query.action } : {}),
  });
  return { items: entries.slice(0, perPage), page, perPage, hasNext: entries.length > perPage };
}

/** The people and actions to filter the audit log by. */
export async function auditFilterChoices(deps: ActionDeps, actor: Actor) {
  requirePermission(actor, 'audit.read');
  return deps.store.read.audit.choices();
}
