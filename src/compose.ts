import type { ActionDeps } from './actions/deps.js';
import { composeMedia, composeWorkers } from './compose-media.js';
import type { Config } from './config.js';
import { loadDemo } from './demo/load-demo.js';
import { demoContent } from './demo/demo.js';
import { systemClock, type Clock } from './domain/shared/clock.js';
import { createEventBus } from './events/event-bus.js';
import { migrateToLatest, openDatabase } from './store/open-store.js';
import { createStore } from './store/store.js';
import { buildApp } from './web/app.js';
import { loadAssets } from './web/assets.js';
import { keysFor, PageCache } from './web/cache/page-cache.js';

/**
 * The composition root: config -> store -> deps -> app. Everything stateful is built here,
 * once, and passed in. Tests use it with their own config and clock. Job workers are built
 * here but started by main.ts (tests drive them with runOnce).
 */
export async function composeApp(config: Config, options: { clock?: Clock; schema?: string } = {}) {
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
  const actions: ActionDeps = { store, clock, events };
  const demo = config.demo ? await loadDemo(actions, demoContent, config.mediaDir) : { loaded: false };
  const media = composeMedia(config, actions);
  const workers = composeWorkers(media, config.workers, { error: (context, message) => log.error(context, message) });
  const app = await buildApp({ config, actions, pageCache, assets: await loadAssets() });
  log.error = (context, message) => app.log.error(context, message);
  return { app, store, actions, media, workers, pageCache, demoLoaded: demo.loaded };
}
