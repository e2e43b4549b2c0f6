import type { FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'dateline_session';
/** Before sign-in there is no session: the sign-in form's CSRF token is a double-submit cookie. */
export const SIGN_IN_COOKIE = 'dateline_sign_in';

/** One cookie's value from the request, or undefined. */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at === -1) continue;
    if (part.slice(0, at).trim() === name) {
      try {
        return decodeURIComponent(part.slice(at + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The session cookie: HttpOnly (no script reads it), SameSite=Lax, Secure when the site is HTTPS. */
export function sessionCookie(value: string, options: { secure: boolean; maxAgeSeconds: number }): string {
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(value)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${options.maxAgeSeconds}`,
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}

/** The sign-in form's token cookie: HttpOnly, SameSite=Strict, only sent back to the sign-in form. */
export function signInCookie(value: string, options: { secure: boolean }): string {
  return [
    `${SIGN_IN_COOKIE}=${encodeURIComponent(value)}`,
    'Path=/newsroom/sign-in',
    'HttpOnly',
    'SameSite=Strict',
    'Max-Age=3600',
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}
