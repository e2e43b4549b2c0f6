import type { FastifyInstance } from 'fastify';
import { EMBED_FRAME_ORIGINS } from '../../domain/body/embed-url.js';

/**
 * A strict Content-Security-Policy: no inline script or style, nothing from other origins but
 * the frames of embeddable posts (loaded only when a reader asks, by our own script), no
 * framing of this site. Scripts are our own files only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  `frame-src 'self' ${EMBED_FRAME_ORIGINS.join(' ')}`,
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

/** HSTS only when the site is served over HTTPS: over plain HTTP it would be ignored or, worse, cached by a proxy. */
export function securityHeadersFor(options: { hsts: boolean }): Readonly<Record<string, string>> {
  return options.hsts
    ? { ...SECURITY_HEADERS, 'strict-transport-security': 'max-age=31536000; includeSubDomains' }
    : SECURITY_HEADERS;
}

export function securityHeaders(app: FastifyInstance, options: { hsts: boolean }): void {
  const headers = securityHeadersFor(options);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
