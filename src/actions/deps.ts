import type { Clock } from '../domain/shared/clock.js';
import type { EventBus } from '../events/event-bus.js';
import type { Store } from '../store/store.js';
import type { ChromeCache } from './reader/chrome-cache.js';
import type { PasswordHasher } from './users/passwords.js';

/** What actions need from the world, built once in main.ts and passed in. */
export interface ActionDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly events: EventBus;
  /** Reader pages' mastheads kept in memory (the app has one; CLI commands do not need it). */
  readonly chromeCache?: ChromeCache;
  /** How passwords are hashed and checked; scrypt unless a test counts the work. */
  readonly passwords?: PasswordHasher;
  /** Where webhooks may be sent and the site's address for their payloads (the app has it; without it, private addresses are refused). */
  readonly webhookPolicy?: { readonly allowPrivate: boolean; readonly siteUrl: URL; readonly timeoutMs?: number };
}
