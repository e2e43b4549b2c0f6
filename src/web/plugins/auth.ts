import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebActions } from '../../actions/web-actions.js';
import type { CodeOf } from '../../domain/shared/error-catalogue.js';
import { DomainError } from '../../domain/shared/errors.js';
import type { Actor } from '../../domain/user/user.js';
import { readCookie, SESSION_COOKIE } from './cookies.js';

/** Who sent a request: through a session cookie (with its CSRF token) or a personal bearer token. */
export type Auth =
  | { readonly via: 'session'; readonly actor: Actor; readonly userId: number; readonly csrfToken: string; readonly token: string; readonly locale: string }
  | { readonly via: 'token'; readonly actor: Actor; readonly userId: number };

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const unauthenticated = (code: CodeOf<'unauthenticated'> = 'SIGN_IN_REQUIRED', message?: string) => new DomainError(code, message);

/**
 * Resolves `request.auth` for a surface. A bearer token that is not valid is refused outright
 * (a script with a bad token must not silently act signed out). Surfaces call checkCsrf.
 */
export function authenticate(app: FastifyInstance, actions: WebActions): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    request.auth = await resolveAuth(request, actions);
  });
}

/** Refuses a state-changing request of a session that does not carry the session's CSRF token. */
export function checkCsrf(request: FastifyRequest): void {
  const auth = request.auth;
  if (!auth || auth.via !== 'session' || SAFE_METHODS.has(request.method)) return;
  if (!sameSecret(csrfTokenOf(request), auth.csrfToken)) {
    throw new DomainError('CSRF_INVALID', 'this request did not carry the right CSRF token: reload the page and try again');
  }
}

async function resolveAuth(request: FastifyRequest, actions: WebActions): Promise<Auth | null> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const actor = match?.[1] ? await actions.authenticateToken(match[1]) : undefined;
    if (!actor || actor.kind !== 'user') throw unauthenticated('TOKEN_INVALID', 'the bearer token is not valid');
    return { via: 'token', actor, userId: actor.userId };
  }
  const token = readCookie(request, SESSION_COOKIE);
  if (!token) return null;
  const session = await actions.authenticateSession(token);
  return session ? { via: 'session', actor: session.actor, userId: session.userId, csrfToken: session.csrfToken, token, locale: session.locale } : null;
}

function csrfTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body as Record<string, unknown> | undefined;
  return body && typeof body === 'object' && typeof body._csrf === 'string' ? body._csrf : undefined;
}

export function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
