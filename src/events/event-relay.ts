import type { Clock } from '../domain/shared/clock.js';
import type { Store } from '../store/store.js';
import type { EventBus } from './event-bus.js';
import type { DatelineEvent } from './events.js';

/** Where processes sharing a database find each other's events (the store's event_log). */
export interface SharedEventLog {
  othersAfter(origin: string, afterId: number, limit: number): Promise<readonly { id: number; payload: string; at: Date }[]>;
  lastId(): Promise<number>;
  deleteBefore(time: Date): Promise<void>;
}

/** The store's event log as the relay uses it: reads as they are, the pruning as a write of its own. */
export function sharedEventLog(store: Store): SharedEventLog {
  return {
    othersAfter: (origin, afterId, limit) => store.read.eventLog.othersAfter(origin, afterId, limit),
    lastId: () => store.read.eventLog.lastId(),
    deleteBefore: (time) => store.transaction((repos) => repos.eventLog.deleteBefore(time)),
  };
}

export interface EventRelay {
  /** Publishes, on this process's bus, what other processes logged since the last poll; returns how many. */
  pollOnce(): Promise<number>;
  /**
   * Another process said it committed events (PostgreSQL NOTIFY), or the listener is back after
   * a gap: read the log now. Wakes during a read are gathered into one more read right after it.
   */
  wake(): void;
  /** Stops polling. */
  stop(): Promise<void>;
}

export interface EventRelayOptions {
  /** This process's name in the log (the store's origin): its own events are not read back. */
  readonly origin: string;
  readonly clock: Clock;
  /** How often to read the others' events; 0 never (tests poll by hand). */
  readonly pollMs: number;
  readonly onError: (error: unknown) => void;
  /** A row committed this long after a later id was read is still published (ids are not committed in order on PostgreSQL). */
  readonly graceMs?: number;
  /** Rows older than this are deleted now and then. */
  readonly keepMs?: number;
}

const BATCH = 500;

/**
 * Joins this process's event bus to the other processes sharing the database: a `dateline
 * worker` that finishes a transcode, another app node that publishes a story. Every
 * transaction writes its events to the shared log itself (see `Store.transaction`); every
 * `pollMs` the others' new events are published here, once each. On PostgreSQL a LISTEN
 * connection (see compose.ts) calls `wake` as soon as a transaction that logged events commits
 * (the event_log trigger's NOTIFY carries only the row's id), so a change reaches every node well
 * within a second; polling stays the durable catch-up after a lost notification, a lost
 * connection or a restart, and is the only path on SQLite.
 */
export async function startEventRelay(bus: EventBus, log: SharedEventLog, options: EventRelayOptions): Promise<EventRelay> {
  const { origin } = options;
  const graceMs = options.graceMs ?? 5_000;
  const keepMs = options.keepMs ?? 60 * 60_000;
  /** Every id at or below it has been published (or is older than the grace period). */
  let floor = await log.lastId();
  /** Ids above the floor already published, with their time. */
  const seen = new Map<number, number>();
  let lastPrune = options.clock.now().getTime();
  let polling: Promise<number> | null = null;
  let wokenWhilePolling = false;
  let stopped = false;

  const poll = async (): Promise<number> => {
    let published = 0;
    const rows = await log.othersAfter(origin, floor, BATCH);
    for (const row of rows) {
      if (seen.has(row.id)) continue;
      seen.set(row.id, row.at.getTime());
      let event: DatelineEvent;
      try {
        event = JSON.parse(row.payload) as DatelineEvent;
      } catch (error) {
        options.onError(error);
        continue;
      }
      bus.publish(event);
      published += 1;
    }
    const now = options.clock.now().getTime();
    for (const [id, at] of seen) {
      if (at < now - graceMs) {
        floor = Math.max(floor, id);
        seen.delete(id);
      }
    }
    if (now - lastPrune > 60_000) {
      lastPrune = now;
      await log.deleteBefore(new Date(now - keepMs));
    }
    return published;
  };

  const pollOnce = (): Promise<number> => {
    polling ??= poll().finally(() => {
      polling = null;
      if (wokenWhilePolling && !stopped) {
        wokenWhilePolling = false;
        wake();
      }
    });
    return polling;
  };

  const wake = (): void => {
    if (stopped) return;
    if (polling) {
      wokenWhilePolling = true;
      return;
    }
    pollOnce().catch(options.onError);
  };

  const timer =
    options.pollMs > 0
      ? setInterval(() => {
          pollOnce().catch(options.onError);
        }, options.pollMs)
      : null;
  timer?.unref();

  return {
    pollOnce,
    wake,
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      await polling?.catch(() => undefined);
    },
  };
}
