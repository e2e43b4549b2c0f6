import { requirePermission } from '../../domain/user/permissions.js';
import type { Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

/** Who did what, newest first, paginated. Admins only. */
export async function listAudit(deps: ActionDeps, actor: Actor, query: { page?: number; perPage?: number }) {
  requirePermission(actor, 'audit.read');
  const perPage = Math.min(Math.max(query.perPage ?? 50, 1), 100);
  const page = Math.max(query.page ?? 1, 1);
  const items = await deps.store.read.audit.list(perPage, (page - 1) * perPage);
  return { items, page, perPage };
}
