import { notFound } from '../../domain/shared/errors.js';
import { requireText } from '../../domain/shared/text.js';
import { parseEmail } from '../../domain/user/parse-user.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, userActor, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { hashSecret, newSecret } from './secrets.js';

/**
 * Creates a personal API token for the account with this email, for `Authorization: Bearer`.
 * The token is shown once; only its hash is kept. A user may make their own; admins anyone's.
 */
export async function createApiToken(deps: ActionDeps, actor: Actor, input: { email: unknown; label?: unknown }): Promise<string> {
  const email = parseEmail(input.email);
  const label = input.label === undefined ? 'personal token' : requireText(input.label, 'label', 120);
  const token = newSecret('dl_');
  const now = deps.clock.now();
  await deps.store.transaction(async (repos) => {
    const user = await repos.users.findByEmail(email);
    if (!user) throw notFound('USER_NOT_FOUND', `there is no account for ${email}`);
    if (actorUserId(actor) !== user.id) requirePermission(actor, 'user.manage');
    await repos.sessions.insertToken(user.id, hashSecret(token), label, now);
    await repos.audit.record({ userId: actorUserId(actor), action: 'token.create', subject: `user:${user.id}`, details: { label } }, now);
  });
  return token;
}

/** The actor a bearer token stands for, or undefined if it is not a token of an active account. */
export async function authenticateToken(deps: ActionDeps, token: string): Promise<Actor | undefined> {
  const userId = await deps.store.read.sessions.findTokenUser(hashSecret(token));
  if (userId === undefined) return undefined;
  const user = await deps.store.read.users.findById(userId);
  return user && user.state === 'active' ? userActor(user) : undefined;
}
