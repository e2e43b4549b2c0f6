import { DomainError } from '../../domain/shared/errors.js';
import { parseEmail } from '../../domain/user/parse-user.js';
import { afterFailure, isLocked, THROTTLE } from '../../domain/user/throttle.js';
import { userActor, type Actor } from '../../domain/user/user.js';
import type { Repositories } from '../../store/store.js';
import type { ActionDeps } from '../deps.js';
import { decoyHash, verifyPassword } from './passwords.js';
import { hashSecret, newSecret } from './secrets.js';

export const SESSION_LIFETIME_MS = 12 * 60 * 60_000;

export interface SignedIn {
  /** Goes in the HttpOnly cookie; only its hash is stored. */
  readonly token: string;
  /** The synchronizer token every state-changing request of this session must carry. */
  readonly csrfToken: string;
  readonly userId: number;
  readonly expiresAt: Date;
}

const badCredentials = () => new DomainError('SIGN_IN_FAILED', 'the email or password is not right');
const locked = () =>
  new DomainError('SIGN_IN_LOCKED', 'too many failed sign-ins: try again in a quarter of an hour');

/**
 * Signs in with email and password. Failures are counted per account and per address;
 * at the limit both are locked for a while, even for the right password.
 */
export async function signIn(deps: ActionDeps, input: { email: unknown; password: unknown; address: string }): Promise<SignedIn> {
  const now = deps.clock.now();
  const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : '';
  const password = typeof input.password === 'string' ? input.password : '';
  const accountKey = `email:${email}`;
  const addressKey = `address:${input.address}`;
  const repos = deps.store.read;
  const [accountState, addressState] = await Promise.all([repos.sessions.findFailures(accountKey), repos.sessions.findFailures(addressKey)]);
  if (isLocked(accountState, now) || isLocked(addressState, now)) throw locked();

  let user;
  try {
    user = await repos.users.findByEmail(parseEmail(email));
  } catch {
    user = undefined;
  }
  const ok = user?.passwordHash && password.length <= 1_000 ? await verifyPassword(password, user.passwordHash) : (await decoyHash(), false);
  if (!user || !ok || user.state !== 'active') {
    await deps.store.transaction(async (trx) => {
      await trx.sessions.saveFailures(accountKey, afterFailure(accountState, now, THROTTLE.maxPerAccount));
      await trx.sessions.saveFailures(addressKey, afterFailure(addressState, now, THROTTLE.maxPerAddress));
    });
    throw badCredentials();
  }
  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await deps.store.transaction(async (trx) => {
    await trx.sessions.clearFailures(accountKey);
    await trx.sessions.insertSession(hashSecret(token), { userId: user.id, csrfToken, expiresAt }, now);
    await trx.audit.record({ userId: user.id, action: 'session.sign-in', subject: `user:${user.id}`, details: { address: input.address } }, now);
  });
  return { token, csrfToken, userId: user.id, expiresAt };
}

export interface SessionActor {
  readonly actor: Actor;
  readonly userId: number;
  readonly csrfToken: string;
}

/** The actor behind a session cookie, or undefined when it is unknown, expired or its account disabled. */
export async function authenticateSession(deps: ActionDeps, token: string): Promise<SessionActor | undefined> {
  const repos = deps.store.read;
  const hash = hashSecret(token);
  const session = await repos.sessions.findSession(hash);
  if (!session) return undefined;
  if (session.expiresAt <= deps.clock.now()) {
    await deps.store.transaction((trx) => trx.sessions.deleteSession(hash));
    return undefined;
  }
  return activeActor(repos, session.userId, session.csrfToken);
}

async function activeActor(repos: Repositories, userId: number, csrfToken: string): Promise<SessionActor | undefined> {
  const user = await repos.users.findById(userId);
  if (!user || user.state !== 'active') return undefined;
  return { actor: userActor(user), userId: user.id, csrfToken };
}

export async function signOut(deps: ActionDeps, token: string): Promise<void> {
  await deps.store.transaction((repos) => repos.sessions.deleteSession(hashSecret(token)));
}

/** Ends every session of the user (on every device). API tokens stay: they are revoked one by one. */
export async function signOutEverywhere(deps: ActionDeps, userId: number): Promise<number> {
  const now = deps.clock.now();
  return deps.store.transaction(async (repos) => {
    const ended = await repos.sessions.deleteUserSessions(userId);
    await repos.audit.record({ userId, action: 'session.sign-out-everywhere', subject: `user:${userId}`, details: { ended } }, now);
    return ended;
  });
}

/** Who is signed in, for the newsroom header and the API's /me. */
export async function describeUser(deps: ActionDeps, userId: number) {
  const user = await deps.store.read.users.findById(userId);
  if (!user) return undefined;
  const { passwordHash: _secret, ...visible } = user;
  return visible;
}
