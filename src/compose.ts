import type { PostingDeps } from './actions/comments/guards.js';
import { RateLimiter, type RateLimits } from './actions/comments/rate-limiter.js';
import type { Config } from './config.js';
import { loadDemo } from './demo/load-demo.js';
import { loadOrCreateSecret } from './secret.js';
import { demoContent } from './demo/demo.js';
import { systemClock, type Clock } from './domain/shared/clock.js';
import { createEventBus } from './events/event-bus.js';
import { migrateToLatest, openDatabase } from './store/open-store.js';
import { createStore } from './store/store.js';
import { buildApp } from './web/app.js';
import { loadAssets } from './web/assets.js';
import { keysFor, PageCache } from './web/cache/page-cache.js';

/** A browser solves a challenge in a fraction of a second on a phone; a spammer pays it for every post. */
const WORK_MAX_NUMBER = 100_000;

/**
 * The composition root: config -> store -> deps -> app. Everything stateful is built here,
 * once, and passed in. Tests use it with their own config and clock.
 */
export async function composeApp(
  config: Config,
  options: { clock?: Clock; schema?: string; rateLimits?: RateLimits; workMaxNumber?: number } = {},
) {
  const secret = loadOrCreateSecret(config);
  const location = options.schema ? { schema: options.schema } : {};
  const db = openDatabase(config.database, location);
  await migrateToLatest(db, config.database.kind, location);
  const store = createStore(db, config.database.kind);
  const clock = options.clock ?? systemClock;
  const pageCache = new PageCache(config.pageCacheEntries);
  const log: { error: (context: object, message: string) => void } = { error: () => undefined };
  const events = createEventBus((error, event) => log.error({ err: error, event }, 'event listener failed'));
  events.subscribe((event) => {
    pageCache.purge(keysFor(event));
  });
  const guards = {
    secret,
    limiter: new RateLimiter(options.rateLimits),
    workMaxNumber: options.workMaxNumber ?? WORK_MAX_NUMBER,
    challengeTtlMs: 20 * 60_000,
  };
  const actions: PostingDeps = { store, clock, events, guards };
  const demo = config.demo ? await loadDemo(actions, demoContent, config.mediaDir) : { loaded: false };
  const app = await buildApp({ config, actions, pageCache, assets: await loadAssets() });
  log.error = (context, message) => app.log.error(context, message);
  return { app, store, actions, pageCache, demoLoaded: demo.loaded };
}
