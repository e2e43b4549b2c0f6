import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a session, a CSRF token or an API token: 256 bits, URL-safe. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Secrets are stored as SHA-256: they are random, so a fast hash is enough, and a leaked table signs no one in. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
