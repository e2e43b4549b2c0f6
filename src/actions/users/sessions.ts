import { DomainError } from '../../domain/shared/errors.js';
import { parseEmail, PASSWORD_LIMITS } from '../../domain/user/parse-user.js';
import { mayAttempt, THROTTLE } from '../../domain/user/throttle.js';
import { userActor, type Actor } from '../../domain/user/user.js';
import type { Repositories } from '../../store/store.js';
import type { ActionDeps } from '../deps.js';
import { scryptPasswords } from './passwords.js';
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
 * Signs in with email and password. Every attempt is counted per account and per address
 * before the password is checked (one atomic statement each, see THROTTLE), so parallel
 * guesses cannot slip past the limit; over it, both are locked for a while, even for the
 * right password. Whether the account exists or not, exactly one password hash is checked
 * (a decoy of the same cost when there is no account), so timing does not tell.
 */
export async function signIn(deps: ActionDeps, input: { email: unknown; password: unknown; address: string }): Promise<SignedIn> {
  const now = deps.clock.now();
  const passwords = deps.passwords ?? scryptPasswords;
  const email = parsedEmailOrNull(input.email);
  const password = typeof input.password === 'string' ? input.password : '';
  // An email that cannot be an account's needs no counter of its own: the address's still counts.
  const accountKey = email === null ? null : `email:${email}`;
  const addressKey = `address:${input.address}`;
  const allowed = await deps.store.transaction(async (trx) => {
    const address = await trx.sessions.countAttempt(addressKey, now, { ...THROTTLE, max: THROTTLE.maxPerAddress });
    const account = accountKey === null ? null : await trx.sessions.countAttempt(accountKey, now, { ...THROTTLE, max: THROTTLE.maxPerAccount });
    return mayAttempt(address, now, THROTTLE.maxPerAddress) && (account === null || mayAttempt(account, now, THROTTLE.maxPerAccount));
  });
  if (!allowed) throw locked();

  const user = email === null ? undefined : await deps.store.read.users.findByEmail(email);
  const stored = user?.passwordHash ?? (await passwords.decoy());
  // Overlong passwords are checked by their first PASSWORD_LIMITS.max characters (and then refused), so their cost is the same too.
  const matches = await passwords.verify(password.slice(0, PASSWORD_LIMITS.max), stored);
  if (!user?.passwordHash || !matches || password.length > PASSWORD_LIMITS.max || user.state !== 'active') throw badCredentials();

  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await deps.store.transaction(async (trx) => {
    // The address's row before the account's, as when counting: the same order never deadlocks.
    await trx.sessions.giveBackAttempt(addressKey);
    if (accountKey !== null) await trx.sessions.clearFailures(accountKey);
    await trx.sessions.insertSession(hashSecret(token), { userId: user.id, csrfToken, expiresAt }, now);
    await trx.audit.record({ userId: user.id, action: 'session.sign-in', subject: `user:${user.id}`, details: { address: input.address } }, now);
  });
  return { token, csrfToken, userId: user.id, expiresAt };
}

function parsedEmailOrNull(value: unknown): string | null {
  try {
    return parseEmail(typeof value === 'string' ? value.trim() : value);
  } catch {
    return null;
  }
}

export interface SessionActor {
  readonly actor: Actor;
  readonly userId: number;
  readonly csrfToken: string;
  /** The language of this person's newsroom. */
  readonly locale: string;
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
  return { actor: userActor(user), userId: user.id, csrfToken, locale: user.locale };
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
