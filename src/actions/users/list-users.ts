import { notFound } from '../../domain/shared/errors.js';
import { requirePermission } from '../../domain/user/permissions.js';
import type { Actor, User } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

/** Every account with its roles, paginated. Admins only. */
export async function listUsers(deps: ActionDeps, actor: Actor, query: { page?: number; perPage?: number }) {
  requirePermission(actor, 'user.manage');
  const perPage = Math.min(Math.max(query.perPage ?? 50, 1), 100);
  const page = Math.max(query.page ?? 1, 1);
  const result = await deps.store.read.users.list(perPage, (page - 1) * perPage);
  return { ...result, page, perPage };
}

/** One account with its roles and state (admins). */
export async function getUser(deps: ActionDeps, actor: Actor, id: number): Promise<User> {
  requirePermission(actor, 'user.manage');
  const user = await deps.store.read.users.findById(id);
  if (!user) throw notFound('USER_NOT_FOUND', `there is no account ${id}`);
  const { passwordHash: _secret, ...visible } = user;
  return visible;
}
