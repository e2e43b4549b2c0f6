import type { ActionDeps } from './actions/deps.js';
import type { AppActionDeps } from './actions/app-action-deps.js';
import { backgroundLog } from './background-log.js';
import { RateLimiter, type RateLimits } from './actions/comments/rate-limiter.js';
import { MastheadCache } from './actions/reader/masthead-cache.js';
import { enqueueWebhookDeliveries, webhookEventOf } from './actions/webhooks/enqueue-deliveries.js';
import { createDemoAdmin } from './actions/users/create-demo-admin.js';
import type { PasswordHasher } from './actions/users/passwords.js';
import { composeMedia, composeWorkers } from './compose-media.js';
import type { Config } from './config.js';
import { loadDemo } from './demo/load-demo.js';
import { loadOrCreateSecret } from './secret.js';
import { demoContent } from './demo/demo.js';
import { systemClock, type Clock } from './domain/shared/clock.js';
import { createEventBus } from './events/event-bus.js';
import { sharedEventLog, startEventRelay } from './events/event-relay.js';
import { startLiveHub } from './events/live-hub.js';
import { liveUpdateFor } from './actions/reader/live-updates.js';
import type { PushDeps } from './actions/push/push-deps.js';
import { vapidKeys } from './actions/push/push-subscriptions.js';
import { webPushSender } from './push/web-push-sender.js';
import { LiveStreams } from './web/live/live-streams.js';
import { startScheduler } from './jobs/scheduler.js';
import { createLogger, type Logger } from './logger.js';
import { createMetrics } from './metrics.js';
import { listenForEvents, migrateToLatest, openDatabase, storeLocation } from './store/open-store.js';
import { createStore } from './store/store.js';
import { buildApp } from './web/app.js';
import { loadAssets } from './web/assets.js';
import { keysFor, PageCache } from './web/cache/page-cache.js';

/** A browser solves a challenge in a fraction of a second on a phone; a spammer pays it for every post. */
const WORK_MAX_NUMBER = 100_000;

export interface CoreOptions {
  readonly clock?: Clock;
  /** PostgreSQL: the schema the tables live in (tests use one per database). */
  readonly schema?: string;
  /** How often to read other processes' events; 0 never (CLI commands; tests poll by hand). */
  readonly relayPollMs?: number;
  /** Tests pass a logger that keeps lines; otherwise one is built from LOG_LEVEL. */
  readonly logger?: Logger;
  /** How passwords are hashed: scrypt at the app's cost unless a test that signs in hundreds of times asks for less. */
  readonly passwords?: PasswordHasher;
}

/**
 * What every Dateline process shares, app, `dateline worker` and the other CLI commands alike:
 * one logger, the store (whose transactions write their events to the event log and publish
 * them here after commit), the event bus with the relay that brings other processes' events
 * to it, and the actions' and media deps.
 */
export async function composeCore(config: Config, options: CoreOptions = {}) {
  const logger = options.logger ?? createLogger(config.logLevel);
  // Work that runs on its own warns now and then while the database is away, instead of an error a second.
  const background = backgroundLog({ error: (c, m) => logger.error(c, m), warn: (c, m) => logger.warn(c, m) });
  const clock = options.clock ?? systemClock;
  const location = options.schema ? { schema: options.schema } : storeLocation(config.database);
  const db = openDatabase(config.database, { ...location, onConnectionLost: (error) => background.connectionLost(error) });
  await migrateToLatest(db, config.database.kind, location);
  const events = createEventBus((error, event) => background.error({ err: error, event }, 'event listener failed'));
  // What this process's own transactions committed, before the bus (which also carries other processes' events).
  const committed = createEventBus((error, event) => background.error({ err: error, event }, 'event listener failed'));
  const store = createStore(db, config.database.kind, {
    clock,
    onCommitted: (emitted) =>
      emitted.forEach((event) => {
        committed.publish(event);
        events.publish(event);
      }),
  });
  // Events of `dateline worker` processes and other app nodes sharing the database reach this bus too.
  const relay = await startEventRelay(events, sharedEventLog(store), {
    origin: store.origin,
    clock,
    pollMs: options.relayPollMs ?? 1_000,
    onError: (error) => background.error({ err: error }, 'event relay failed'),
  });
  const actions: ActionDeps = { store, clock, ...(options.passwords ? { passwords: options.passwords } : {}) };
  return {
    logger,
    background,
    /** What job workers log: a line per job run, and their background failures. */
    workerLog: { info: (c: object, m: string) => logger.info(c, m), error: (c: object, m: string) => background.error(c, m) },
    clock,
    store,
    events,
    /** Only the events this process's transactions committed (never relayed ones): for what must happen once across nodes. */
    committed,
    relay,
    actions,
    media: composeMedia(config, actions),
    /** Stops reading other processes' events and closes the database. */
    close: async () => {
      await relay.stop();
      await store.close();
    },
  };
}

/**
 * The composition root of the app: config -> core -> deps -> app. Everything stateful is built
 * here, once, and passed in. Tests use it with their own config and clock. Job workers are built
 * here but started by main.ts (tests drive them with runOnce, and the event relay with pollOnce).
 */
export async function composeApp(config: Config, options: CoreOptions & { rateLimits?: RateLimits; workMaxNumber?: number } = {}) {
  const secret = loadOrCreateSecret(config);
  const core = await composeCore(config, options);
  const { store, events, logger, background, relay } = core;
  const pageCache = new PageCache(config.pageCacheEntries, core.clock);
  const metrics = createMetrics();
  const mastheadCache = new MastheadCache();
  events.subscribe((event) => {
    const keys = keysFor(event);
    mastheadCache.purge(keys);
    pageCache.purge(keys);
  });
  // Open pages' live streams read the shared log: every process's events, with their ids.
  const liveHub = await startLiveHub(store.read.eventLog, {
    clock: core.clock,
    pollMs: options.relayPollMs ?? 1_000,
    onError: (error) => background.error({ err: error }, 'live streams could not read the event log'),
  });
  // This process's own commits are in the log the moment they are told here.
  core.committed.subscribe(() => liveHub.wake());
  // PostgreSQL: a transaction that logged events NOTIFYs (the event_log trigger; the payload is
  // the row's id only) when it commits, so the others' events are read at once, not at the next
  // poll; after a lost connection the listener reads the log again from where each reader was.
  const location = options.schema ? { schema: options.schema } : storeLocation(config.database);
  const listener = listenForEvents(config.database, {
    ...location,
    applicationName: `dateline-events ${store.origin}`.slice(0, 63),
    onAppended: () => {
      relay.wake();
      liveHub.wake();
    },
    onListening: () => {
      relay.wake();
      liveHub.wake();
    },
    onConnectionLost: (error) => background.connectionLost(error),
  });
  const guards = {
    secret,
    limiter: new RateLimiter(options.rateLimits),
    workMaxNumber: options.workMaxNumber ?? WORK_MAX_NUMBER,
    challengeTtlMs: 20 * 60_000,
  };
  const webhookPolicy = { allowPrivate: config.webhooksAllowPrivate, siteUrl: config.publicUrl };
  const actions: AppActionDeps = { ...core.actions, guards, mastheadCache, webhookPolicy };
  // Webhooks: each event becomes durable delivery jobs, in the process that committed it only
  // (events relayed from other processes never reach `committed`), so each is queued once.
  core.committed.subscribe(async (event) => {
    if (webhookEventOf(event)) await enqueueWebhookDeliveries(actions, event);
  });
  const demo = config.demo ? await loadDemo(actions, demoContent, config.mediaDir) : { loaded: false };
  const demoAdmin = demo.loaded ? await createDemoAdmin(actions) : undefined;
  const scheduler = startScheduler(actions, {
    // A safety net only: the scheduler wakes at each item's own time (re-armed on every story
    // change, here or on another node), so this look is for a missed wake-up.
    intervalMs: 5 * 60_000,
    onError: (error) => background.error({ err: error }, 'scheduled publishing failed'),
  });
  // Stories whose time came while the server was stopped are published before it serves anyone.
  await scheduler.runOnce();
  // A story scheduled here or on another node: wake when its embargo lifts.
  events.subscribe((event) => {
    if (event.type === 'story.changed') scheduler.rearm();
  });
  const push = composePush(config, actions);
  // Web Push's VAPID keys are made once, at the first start, and kept in the database for every node.
  await vapidKeys(push);
  const media = composeMedia(config, actions);
  const workers = composeWorkers({ ...media, push: push.push, allowPrivatePushEndpoints: push.allowPrivatePushEndpoints }, config.workers, core.workerLog, config.jobLeaseMs);
  const liveStreams = new LiveStreams(liveHub, (event) => liveUpdateFor(actions, event), {
    onError: (error) => background.error({ err: error }, 'live update failed'),
  });
  const app = await buildApp({ config, logger, metrics, actions, media, pageCache, assets: await loadAssets(), liveStreams, push });
  app.addHook('onClose', async () => {
    scheduler.stop();
    await listener?.close();
    await relay.stop();
    await liveHub.stop();
  });
  return { app, store, events, logger, metrics, actions, media, workers, pageCache, scheduler, relay, liveStreams, push, demoLoaded: demo.loaded, demoAdmin };
}

/** Web Push: the sender (VAPID-signed, encrypted) and the endpoint policy, for the app and `dateline worker` alike. */
export function composePush(config: Config, actions: ActionDeps): PushDeps {
  return {
    ...actions,
    push: webPushSender({ subject: `mailto:webmaster@${config.publicUrl.hostname}`, allowPrivateEndpoints: config.allowPrivatePushEndpoints }),
    allowPrivatePushEndpoints: config.allowPrivatePushEndpoints,
  };
}
