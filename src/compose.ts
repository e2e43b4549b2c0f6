import type { PostingDeps } from './actions/comments/guards.js';
import { backgroundLog } from './background-log.js';
import { RateLimiter, type RateLimits } from './actions/comments/rate-limiter.js';
import { ChromeCache } from './actions/reader/chrome-cache.js';
import { enqueueWebhookDeliveries, webhookEventOf } from './actions/webhooks/enqueue-deliveries.js';
import { createDemoAdmin } from './actions/users/create-demo-admin.js';
import { composeMedia, composeWorkers } from './compose-media.js';
import type { Config } from './config.js';
import { loadDemo } from './demo/load-demo.js';
import { loadOrCreateSecret } from './secret.js';
import { demoContent } from './demo/demo.js';
import { systemClock, type Clock } from './domain/shared/clock.js';
import { createEventBus } from './events/event-bus.js';
import { startEventRelay } from './events/event-relay.js';
import { startLiveHub } from './events/live-hub.js';
import { liveUpdateFor } from './actions/reader/live-updates.js';
import { LiveStreams } from './web/live/live-streams.js';
import type { PushDeps } from './actions/push/push-deps.js';
import { webPushSender } from './push/web-push-sender.js';
import { vapidKeys } from './actions/push/push-subscriptions.js';
import { startScheduler } from './jobs/scheduler.js';
import { listenForEvents, migrateToLatest, openDatabase, storeLocation } from './store/open-store.js';
import { createStore } from './store/store.js';
import { buildApp } from './web/app.js';
import { loadAssets } from './web/assets.js';
import { keysFor, PageCache } from './web/cache/page-cache.js';

/** A browser solves a challenge in a fraction of a second on a phone; a spammer pays it for every post. */
const WORK_MAX_NUMBER = 100_000;

/**
 * The composition root: config -> store -> deps -> app. Everything stateful is built here,
 * once, and passed in. Tests use it with their own config and clock. Job workers are built
 * here but started by main.ts (tests drive them with runOnce, and the event relay with pollOnce).
 */
export async function composeApp(
  config: Config,
  options: { clock?: Clock; schema?: string; rateLimits?: RateLimits; workMaxNumber?: number; relayPollMs?: number } = {},
) {
  const secret = loadOrCreateSecret(config);
  const location = options.schema ? { schema: options.schema } : storeLocation(config.database);
  const appLog = {
    error: (_context: object, _message: string): void => undefined,
    warn: (_context: object, _message: string): void => undefined,
  };
  const log = backgroundLog({ error: (c, m) => appLog.error(c, m), warn: (c, m) => appLog.warn(c, m) });
  const db = openDatabase(config.database, { ...location, onConnectionLost: (error) => log.connectionLost(error) });
  await migrateToLatest(db, config.database.kind, location);
  const store = createStore(db, config.database.kind);
  const clock = options.clock ?? systemClock;
  const pageCache = new PageCache(config.pageCacheEntries, clock);
  const events = createEventBus((error, event) => log.error({ err: error, event }, 'event listener failed'));
  const chromeCache = new ChromeCache();
  events.subscribe((event) => {
    const keys = keysFor(event);
    chromeCache.purge(keys);
    pageCache.purge(keys);
  });
  // Open pages' live streams read the shared log, every process's events with their ids.
  const liveHub = await startLiveHub(store.read.eventLog, {
    clock,
    pollMs: options.relayPollMs ?? 1_000,
    onError: (error) => log.error({ err: error }, 'live streams could not read the event log'),
  });
  // Events of `dateline worker` processes and other app nodes sharing the database reach this bus too.
  const relay = await startEventRelay(events, store.read.eventLog, {
    onAppended: () => liveHub.wake(),
    clock,
    pollMs: options.relayPollMs ?? 1_000,
    onError: (error) => log.error({ err: error }, 'event relay failed'),
  });
  // PostgreSQL: the others' events are read the moment they are appended, not at the next poll.
  const listener = listenForEvents(config.database, {
    ...location,
    applicationName: `dateline-events ${relay.origin}`.slice(0, 63),
    onAppended: () => {
      relay.wake();
      liveHub.wake();
    },
    onListening: () => {
      relay.wake();
      liveHub.wake();
    },
    onConnectionLost: (error) => log.connectionLost(error),
  });
  const guards = {
    secret,
    limiter: new RateLimiter(options.rateLimits),
    workMaxNumber: options.workMaxNumber ?? WORK_MAX_NUMBER,
    challengeTtlMs: 20 * 60_000,
  };
  const webhookPolicy = { allowPrivate: config.webhooksAllowPrivate, siteUrl: config.publicUrl };
  const actions: PostingDeps = { store, clock, events, guards, chromeCache, webhookPolicy };
  // Webhooks: each event becomes durable delivery jobs, in the process where it happened only.
  events.subscribe(async (event) => {
    if (!relay.isRelayed(event) && webhookEventOf(event)) await enqueueWebhookDeliveries(actions, event);
  });
  const demo = config.demo ? await loadDemo(actions, demoContent, config.mediaDir) : { loaded: false };
  const demoAdmin = demo.loaded ? await createDemoAdmin(actions) : undefined;
  const scheduler = startScheduler(actions, {
    intervalMs: 15_000,
    onError: (error) => log.error({ err: error }, 'scheduled publishing failed'),
  });
  // Stories whose time came while the server was stopped are published before it serves anyone.
  await scheduler.runOnce();
  // A story scheduled here or on another node: wake when its embargo lifts.
  events.subscribe((event) => {
    if (event.type === 'story.changed') scheduler.rearm();
  });
  const push: PushDeps = {
    ...actions,
    push: webPushSender({ subject: `mailto:webmaster@${config.publicUrl.hostname}`, allowPrivateEndpoints: config.allowPrivatePushEndpoints }),
    allowPrivatePushEndpoints: config.allowPrivatePushEndpoints,
  };
  // Web Push's VAPID keys are made once, at the first start, and kept in the database for every node.
  await vapidKeys(push);
  const media = composeMedia(config, actions);
  const workers = composeWorkers({ ...media, push: push.push, allowPrivatePushEndpoints: push.allowPrivatePushEndpoints }, config.workers, log);
  const liveStreams = new LiveStreams(liveHub, (event) => liveUpdateFor(actions, event), {
    onError: (error) => log.error({ err: error }, 'live update failed'),
  });
  const app = await buildApp({ config, actions, media, pageCache, assets: await loadAssets(), liveStreams, push });
  app.addHook('onClose', async () => {
    scheduler.stop();
    await listener?.close();
    await relay.stop();
    await liveHub.stop();
  });
  appLog.error = (context, message) => app.log.error(context, message);
  appLog.warn = (context, message) => app.log.warn(context, message);
  return { app, store, actions, media, workers, pageCache, scheduler, relay, events, liveStreams, push, demoLoaded: demo.loaded, demoAdmin };
}
