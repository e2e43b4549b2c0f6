import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/shared/errors.js';
import { can, forbidden, PERMISSIONS, type Permission } from '../../domain/user/permissions.js';
import { checkCsrf, unauthenticated, type Auth } from '../plugins/auth.js';

/** What a route needs: a permission (checked again, with the resource, by the action), any signed-in user, or nobody. */
export type RoutePermission = Permission | 'signed-in' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
}

const DECLARABLE: readonly string[] = [...PERMISSIONS, 'signed-in', 'public'];

/**
 * Every route must declare its permission: the app refuses to boot otherwise. Before the
 * body is validated, a request is refused with 401 (nobody signed in), 403 (wrong CSRF
 * token, or a role that may never do this).
 */
export function guardRoutes(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const permission = (route.config as { permission?: string } | undefined)?.permission;
    if (!permission || !DECLARABLE.includes(permission)) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no permission (config.permission): refusing to start`);
    }
  });
  app.addHook('preValidation', async (request) => {
    const permission = request.routeOptions.config.permission;
    if (permission === 'public') return;
    const auth = request.auth;
    if (!auth) throw unauthenticated();
    checkCsrf(request);
    if (permission !== 'signed-in' && permission !== undefined && !can(auth.actor, permission)) throw forbidden(permission);
  });
}

/** The signed-in caller; routes other than public ones always have one (guardRoutes saw to it). */
export function authOf(request: FastifyRequest): Auth {
  if (!request.auth) throw unauthenticated();
  return request.auth;
}

/**
 * New tokens are made from a signed-in session (or the CLI), never with a bearer token: a
 * leaked token must not be able to mint others that outlive its revocation.
 */
export function requireSessionForNewToken(auth: Auth): void {
  if (auth.via === 'token') {
    throw new DomainError('TOKEN_FROM_TOKEN', 'forbidden', 'sign in to make a token: a token cannot make another');
  }
}
