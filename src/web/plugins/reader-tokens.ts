import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/shared/errors.js';

/**
 * Tokens for readers without accounts, both in HttpOnly, SameSite=Lax cookies:
 * - the form token: a signed double-submit CSRF token (cookie + hidden field, HMAC with the
 *   server secret), so another site cannot post in a reader's name;
 * - the browser token: a random value identifying this browser's own comments (edit and
 *   delete for a few minutes; bans by token). Only its salted hash is stored.
 */
export const FORM_COOKIE = 'dl_form';
export const BROWSER_COOKIE = 'dl_reader';
export const FORM_FIELD = '_form';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export function readCookies(request: FastifyRequest): Record<string, string> {
  const header = request.headers.cookie;
  const cookies: Record<string, string> = {};
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 1) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    if (!(name in cookies)) cookies[name] = value;
  }
  return cookies;
}

function sign(secret: string, nonce: string): string {
  return createHmac('sha256', `form:${secret}`).update(nonce).digest('base64url');
}

function validFormToken(secret: string, token: string | undefined): token is string {
  if (!token) return false;
  const [nonce, signature, extra] = token.split('.');
  if (!nonce || !signature || extra !== undefined || !TOKEN.test(nonce)) return false;
  const expected = Buffer.from(sign(secret, nonce));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function setCookie(reply: FastifyReply, name: string, value: string, maxAgeSeconds: number, secure: boolean) {
  const cookie = `${name}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
  const existing = reply.getHeader('set-cookie');
  const list = Array.isArray(existing) ? existing : typeof existing === 'string' ? [existing] : [];
  reply.header('set-cookie', [...list, cookie]);
}

export interface ReaderTokens {
  /** The form token for hidden fields; set as a cookie when the browser has none. */
  formToken(request: FastifyRequest, reply: FastifyReply): string;
  /** Refuses a form whose hidden token does not match its signed cookie. */
  checkForm(request: FastifyRequest, submitted: unknown): void;
  /** This browser's token, or null when it has none yet. */
  browserToken(request: FastifyRequest): string | null;
  /** This browser's token, made and set as a cookie when it has none. */
  ensureBrowserToken(request: FastifyRequest, reply: FastifyReply): string;
}

export function readerTokens(secret: string, secure: boolean): ReaderTokens {
  return {
    formToken(request, reply) {
      const existing = readCookies(request)[FORM_COOKIE];
      if (validFormToken(secret, existing)) return existing;
      const nonce = randomBytes(24).toString('base64url');
      const token = `${nonce}.${sign(secret, nonce)}`;
      setCookie(reply, FORM_COOKIE, token, 60 * 60 * 24, secure);
      return token;
    },
    checkForm(request, submitted) {
      const cookie = readCookies(request)[FORM_COOKIE];
      if (!validFormToken(secret, cookie) || typeof submitted !== 'string' || submitted !== cookie) {
        throw new DomainError('FORM_EXPIRED', 'This form has expired; please reload the page and try again', FORM_FIELD);
      }
    },
    browserToken(request) {
      const token = readCookies(request)[BROWSER_COOKIE];
      return token && TOKEN.test(token) ? token : null;
    },
    ensureBrowserToken(request, reply) {
      const existing = this.browserToken(request);
      if (existing) return existing;
      const token = randomBytes(24).toString('base64url');
      setCookie(reply, BROWSER_COOKIE, token, 60 * 60 * 24 * 365, secure);
      return token;
    },
  };
}
