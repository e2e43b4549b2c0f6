import { conflict, notFound } from '../../domain/shared/errors.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor, type User } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import type { UserRef } from './api-tokens.js';

/**
 * Disables an account (admins): in one transaction its sessions end and its personal tokens
 * are revoked, so it is shut out at once; it cannot sign in again until enabled. Nobody
 * disables their own account (an admin would lock themselves out).
 */
export async function disableUser(deps: ActionDeps, actor: Actor, whose: UserRef): Promise<{ user: User; sessions: number; tokens: number }> {
  requirePermission(actor, 'user.manage');
  const now = deps.clock.now();
  return deps.store.transaction(async (repos) => {
    const user = 'id' in whose ? await repos.users.findById(whose.id) : await repos.users.findByEmail(whose.email);
    if (!user) throw notFound('USER_NOT_FOUND', 'there is no such account');
    if (user.id === actorUserId(actor)) throw conflict('USER_SELF_DISABLE', 'you cannot disable your own account');
    await repos.users.setState(user.id, 'disabled', now);
    const sessions = await repos.sessions.deleteUserSessions(user.id);
    const tokens = await repos.sessions.deleteUserTokens(user.id);
    await repos.audit.record({ userId: actorUserId(actor), action: 'user.disable', subject: `user:${user.id}`, details: { sessions, tokens } }, now);
    const { passwordHash: _secret, ...visible } = user;
    return { user: { ...visible, state: 'disabled' as const }, sessions, tokens };
  });
}

/** Enables a disabled account again (admins). Its old sessions and tokens stay gone. */
export async function enableUser(deps: ActionDeps, actor: Actor, whose: UserRef): Promise<User> {
  requirePermission(actor, 'user.manage');
  const now = deps.clock.now();
  return deps.store.transaction(async (repos) => {
    const user = 'id' in whose ? await repos.users.findById(whose.id) : await repos.users.findByEmail(whose.email);
    if (!user) throw notFound('USER_NOT_FOUND', 'there is no such account');
    await repos.users.setState(user.id, 'active', now);
    await repos.audit.record({ userId: actorUserId(actor), action: 'user.enable', subject: `user:${user.id}`, details: {} }, now);
    const { passwordHash: _secret, ...visible } = user;
    return { ...visible, state: 'active' as const };
  });
}
