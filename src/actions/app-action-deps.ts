import type { CommentGuards } from './comments/guards.js';
import type { ActionDeps } from './deps.js';

/**
 * What the app's actions are given, built once in compose.ts and passed to the web surfaces:
 * the store, the clock and the masthead cache of every action, and the guards of readers'
 * comment posting (server secret, rate limiter, proof-of-work cost).
 */
export type AppActionDeps = ActionDeps & { readonly guards: CommentGuards };
