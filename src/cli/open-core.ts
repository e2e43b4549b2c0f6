import type { ActionDeps } from '../actions/deps.js';
import type { MediaDeps } from '../actions/media/media-deps.js';
import { composeMedia } from '../compose-media.js';
import type { Config } from '../config.js';
import { systemClock } from '../domain/shared/clock.js';
import { createEventBus } from '../events/event-bus.js';
import { migrateToLatest, openDatabase } from '../store/open-store.js';
import { createStore, type Store } from '../store/store.js';

/** The core without the web app: store, actions' deps and media deps, for CLI commands. */
export async function openCore(config: Config): Promise<{ store: Store; actions: ActionDeps; media: MediaDeps }> {
  const db = openDatabase(config.database);
  await migrateToLatest(db, config.database.kind);
  const store = createStore(db, config.database.kind);
  const events = createEventBus((error) => {
    process.stderr.write(`event listener failed: ${error instanceof Error ? error.message : String(error)}\n`);
  });
  const actions: ActionDeps = { store, clock: systemClock, events };
  return { store, actions, media: composeMedia(config, actions) };
}
