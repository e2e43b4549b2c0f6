import type { ActionDeps } from '../actions/deps.js';
import type { MediaDeps } from '../actions/media/media-deps.js';
import { composeMedia } from '../compose-media.js';
import type { Config } from '../config.js';
import { systemClock } from '../domain/shared/clock.js';
import { createEventBus } from '../events/event-bus.js';
import { startEventRelay } from '../events/event-relay.js';
import { backgroundLog, type BackgroundLog } from '../background-log.js';
import { migrateToLatest, openDatabase, storeLocation } from '../store/open-store.js';
import { createStore, type Store } from '../store/store.js';

export interface Core {
  readonly store: Store;
  /** Where background work reports: a database away is a warning now and then, anything else an error. */
  readonly log: BackgroundLog;
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
  const location = storeLocation(config.database);
  const write = (level: string) => (context: object, message: string) => {
    const err = 'err' in context && context.err instanceof Error ? { err: context.err.message } : {};
    process.stderr.write(`${level}: ${message} ${JSON.stringify({ ...context, ...err })}\n`);
  };
  const log = backgroundLog({ error: write('error'), warn: write('warn') });
  const db = openDatabase(config.database, { ...location, onConnectionLost: (error) => log.connectionLost(error) });
  await migrateToLatest(db, config.database.kind, location);
  const store = createStore(db, config.database.kind);
  const reportError = (error: unknown) => log.error({ err: error }, 'event listener failed');
  const events = createEventBus(reportError);
  const relay = await startEventRelay(events, store.read.eventLog, { clock: systemClock, pollMs: 0, onError: reportError });
  const actions: ActionDeps = { store, clock: systemClock, events, webhookPolicy: { allowPrivate: config.webhooksAllowPrivate, siteUrl: config.publicUrl } };
  return {
    store,
    log,
    actions,
    media: composeMedia(config, actions),
    close: async () => {
      await relay.stop();
      await store.close();
    },
  };
}
