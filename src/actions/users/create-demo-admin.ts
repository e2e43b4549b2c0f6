import { randomBytes } from 'node:crypto';
import { systemActor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { createUser } from './create-user.js';

export const DEMO_ADMIN_EMAIL = 'admin@demo.dateline.local';

/** On a fresh demo install: an admin with a random password, told once to whoever started it. */
export async function createDemoAdmin(deps: ActionDeps): Promise<{ email: string; password: string }> {
  const password = randomBytes(12).toString('base64url');
  await createUser(deps, systemActor('demo'), {
    email: DEMO_ADMIN_EMAIL,
    name: 'Demo Admin',
    password,
    grants: [{ role: 'admin' }],
  });
  return { email: DEMO_ADMIN_EMAIL, password };
}
