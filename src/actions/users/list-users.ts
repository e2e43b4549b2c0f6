import { requirePermission } from '../../domain/user/permissions.js';
import type { Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

/** Every account with its roles, paginated. Admins only. */
export async function listUsers(deps: ActionDeps, actor: Actor, query: { page?: number; perPage?: number }) {
  requirePermission(actor, 'user.manage');
  const perPage = Math.min(Math.max(query.perPage ?? 50, 1), 100);
  const page = Math.max(query.page ?? 1, 1);
  const result = await deps.store.read.users.list(perPage, (page - 1) * perPage);
  return { ...result, page, perPage };
}
