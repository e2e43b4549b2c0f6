import type { ActionDeps } from '../actions/deps.js';
import type { MediaDeps } from '../actions/media/media-deps.js';
import { composeMedia } from '../compose-media.js';
import type { Config } from '../config.js';
import { systemClock } from '../domain/shared/clock.js';
import { createEventBus } from '../events/event-bus.js';
import { startEventRelay } from '../events/event-relay.js';
import { migrateToLatest, openDatabase } from '../store/open-store.js';
import { createStore, type Store } from '../store/store.js';

export interface Core {
  readonly store: Store;
  readonly actions: ActionDeps;
  readonly media: MediaDeps;
  /** Waits for events still being told to the app processes, then closes the database. */
  close(): Promise<void>;
}

/**
 * The core without the web app: store, actions' deps and media deps, for CLI commands.
 * What they publish (a transcode finished, media imported) goes to the shared event log,
 * so the app processes purge their cached pages.
 */
export async function openCore(config: Config): Promise<Core> {
  const db = openDatabase(config.database);
  await migrateToLatest(db, config.database.kind);
  const store = createStore(db, config.database.kind);
  const reportError = (error: unknown) => {
    process.stderr.write(`event listener failed: ${error instanceof Error ? error.message : String(error)}\n`);
  };
  const events = createEventBus(reportError);
  const relay = await startEventRelay(events, store.read.eventLog, { clock: systemClock, pollMs: 0, onError: reportError });
  const actions: ActionDeps = { store, clock: systemClock, events, webhookPolicy: { allowPrivate: config.webhooksAllowPrivate, siteUrl: config.publicUrl } };
  return {
    store,
    actions,
    media: composeMedia(config, actions),
    close: async () => {
      await relay.stop();
      await store.close();
    },
  };
}
