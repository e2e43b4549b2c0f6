import { conflict, notFound } from '../../domain/shared/errors.js';
import { requireId, requireName } from '../../domain/shared/text.js';
import { isTokenLive, LAST_USED_PRECISION_MS, tokenExpiry, type ApiToken } from '../../domain/user/api-token.js';
import { parseEmail } from '../../domain/user/parse-user.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, userActor, type Actor } from '../../domain/user/user.js';
import type { Repositories } from '../../store/store.js';
import type { ActionDeps } from '../deps.js';
import { hashSecret, newSecret } from './secrets.js';

/** Whose account: by id (the newsroom, the API) or by email (the CLI). */
export type UserRef = { readonly id: number } | { readonly email: string };

export interface TokenRequest {
  readonly label?: unknown;
  /** Whole days until it expires; absent: never. */
  readonly expiresInDays?: unknown;
}

/** The most tokens listed for one person (nobody needs more; revoke old ones). */
const TOKEN_LIST_LIMIT = 100;

/**
 * Creates a personal API token for `Authorization: Bearer`. The secret is returned once; only
 * its hash is kept. A person makes their own; admins (`user.manage`) anyone's.
 */
export async function issueApiToken(deps: ActionDeps, actor: Actor, whose: UserRef, input: TokenRequest = {}): Promise<{ token: string; apiToken: ApiToken }> {
  const label = input.label === undefined || input.label === '' ? 'personal token' : requireName(input.label, 'label', 120);
  const now = deps.clock.now();
  const expiresAt = tokenExpiry(input.expiresInDays, now);
  const token = newSecret('dl_');
  return deps.store.transaction(async (repos) => {
    const user = await findUser(repos, whose);
    if (actorUserId(actor) !== user.id) requirePermission(actor, 'user.manage');
    if (user.state !== 'active') throw conflict('USER_DISABLED', 'this account is disabled');
    const id = await repos.sessions.insertToken(user.id, hashSecret(token), { label, expiresAt }, now);
    await repos.audit.record({ userId: actorUserId(actor), action: 'token.create', subject: `user:${user.id}`, details: { label, tokenId: id } }, now);
    const apiToken = await repos.sessions.findTokenById(id);
    if (!apiToken) throw new Error('the new token vanished');
    return { token, apiToken };
  });
}

/** The CLI's and the tests' shorthand: a token for the account with this email, the secret only. */
export async function createApiToken(deps: ActionDeps, actor: Actor, input: { email: unknown } & TokenRequest): Promise<string> {
  return (await issueApiToken(deps, actor, { email: parseEmail(input.email) }, input)).token;
}

/** A person's tokens (never their secrets), newest first: their own, or anyone's for admins. */
export async function listApiTokens(deps: ActionDeps, actor: Actor, whose: UserRef): Promise<{ userId: number; items: ApiToken[] }> {
  const user = await findUser(deps.store.read, whose);
  if (actorUserId(actor) !== user.id) requirePermission(actor, 'user.manage');
  return { userId: user.id, items: await deps.store.read.sessions.listTokens(user.id, TOKEN_LIST_LIMIT) };
}

/**
 * Revokes a token at once: the next request with it is refused. One's own, or anyone's for
 * admins.
 */
export async function revokeApiToken(deps: ActionDeps, actor: Actor, tokenId: unknown): Promise<ApiToken> {
  const id = requireId(tokenId, 'id');
  const now = deps.clock.now();
  return deps.store.transaction(async (repos) => {
    const token = await repos.sessions.findTokenById(id);
    if (!token) throw tokenNotFound(id);
    if (actorUserId(actor) !== token.userId) requirePermission(actor, 'user.manage');
    await repos.sessions.deleteToken(id);
    await repos.audit.record({ userId: actorUserId(actor), action: 'token.revoke', subject: `user:${token.userId}`, details: { label: token.label, tokenId: id } }, now);
    return token;
  });
}

/** The actor a bearer token stands for, or undefined unless it is a live token of an active account. Records the use. */
export async function authenticateToken(deps: ActionDeps, token: string): Promise<Actor | undefined> {
  const repos = deps.store.read;
  const now = deps.clock.now();
  const found = await repos.sessions.findToken(hashSecret(token));
  if (!found || !isTokenLive(found, now)) return undefined;
  const user = await repos.users.findById(found.userId);
  if (!user || user.state !== 'active') return undefined;
  await repos.sessions.touchToken(found.id, now, LAST_USED_PRECISION_MS);
  return userActor(user);
}

async function findUser(repos: Repositories, whose: UserRef) {
  const user = 'id' in whose ? await repos.users.findById(whose.id) : await repos.users.findByEmail(whose.email);
  if (!user) throw notFound('USER_NOT_FOUND', 'id' in whose ? `there is no account ${whose.id}` : `there is no account for ${whose.email}`);
  return user;
}

const tokenNotFound = (id: number) => notFound('TOKEN_NOT_FOUND', `there is no token ${id}`);
