import { createHmac } from 'node:crypto';
import type { ActionDeps } from '../deps.js';
import type { RateLimiter } from './rate-limiter.js';

/** What reader posting needs beyond the store: the server secret, the limiter, the proof-of-work cost. */
export interface CommentGuards {
  /** Server secret: salts address and token hashes and signs proof-of-work challenges. */
  readonly secret: string;
  readonly limiter: RateLimiter;
  /** Highest number a challenge may hide: the browser tries half of it on average. */
  readonly workMaxNumber: number;
  readonly challengeTtlMs: number;
}

export type PostingDeps = ActionDeps & { readonly guards: CommentGuards };

/** A salted, keyed hash: the same address or token always gives the same hash, which cannot be reversed. */
export function identityHash(secret: string, kind: 'address' | 'token', value: string): string {
  return createHmac('sha256', secret).update(`${kind}\0${value}`).digest('base64url');
}
