import { conflict, invalid } from '../../domain/shared/errors.js';
import { requireName } from '../../domain/shared/text.js';
import { parseEmail, parseGrant, parsePassword } from '../../domain/user/parse-user.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor, type RoleGrant, type User } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { scryptPasswords } from './passwords.js';

export interface NewUser {
  readonly email: unknown;
  readonly name: unknown;
  readonly password?: unknown;
  readonly grants: readonly { role: unknown; serviceCode?: unknown }[];
}

/** Creates an account with its roles. Admins only (or the operator through the CLI). */
export async function createUser(deps: ActionDeps, actor: Actor, input: NewUser): Promise<User> {
  requirePermission(actor, 'user.manage');
  const email = parseEmail(input.email);
  const name = requireName(input.name, 'name', 120);
  const grants: RoleGrant[] = input.grants.map(parseGrant);
  const passwordHash = input.password === undefined ? null : await (deps.passwords ?? scryptPasswords).hash(parsePassword(input.password));
  const now = deps.clock.now();
  return deps.store.transaction(async (repos) => {
    if (await repos.users.findByEmail(email)) throw conflict('USER_EXISTS', `there is already an account for ${email}`, 'email');
    for (const grant of grants) {
      if (grant.serviceCode && !(await repos.services.find(grant.serviceCode))) {
        throw invalid('SERVICE_NOT_FOUND', `there is no service "${grant.serviceCode}"`, 'serviceCode');
      }
    }
    const id = await repos.users.insert({ email, name, passwordHash, grants }, now);
    await repos.audit.record({ userId: actorUserId(actor), action: 'user.create', subject: `user:${id}`, details: { grants } }, now);
    const user = await repos.users.findById(id);
    if (!user) throw new Error('the new user vanished');
    const { passwordHash: _secret, ...visible } = user;
    return visible;
  });
}
