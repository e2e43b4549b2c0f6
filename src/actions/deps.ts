import type { Clock } from '../domain/shared/clock.js';
import type { Store } from '../store/store.js';
import type { MastheadCache } from './reader/masthead-cache.js';
import type { PasswordHasher } from './users/passwords.js';

/**
 * What actions need from the world, built once in compose.ts and passed in. Actions tell what
 * happened by emitting events inside their transaction (`store.transaction((repos, emit) => ...)`).
 */
export interface ActionDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** Reader pages' mastheads kept in memory (the app has one; CLI commands do not need it). */
  readonly mastheadCache?: MastheadCache;
  /** How passwords are hashed and checked; scrypt unless a test counts the work. */
  readonly passwords?: PasswordHasher;
  /** Where webhooks may be sent and the site's address for their payloads (the app has it; without it, private addresses are refused). */
  readonly webhookPolicy?: { readonly allowPrivate: boolean; readonly siteUrl: URL; readonly timeoutMs?: number };
}
