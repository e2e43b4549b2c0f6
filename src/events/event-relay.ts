import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Clock } from '../domain/shared/clock.js';
import type { EventBus } from './event-bus.js';
import type { DatelineEvent } from './events.js';

/** Where processes sharing a database leave their events for each other (the store's event_log). */
export interface SharedEventLog {
  append(origin: string, payload: string, now: Date): Promise<void>;
  othersAfter(origin: string, afterId: number, limit: number): Promise<readonly { id: number; payload: string; at: Date }[]>;
  lastId(): Promise<number>;
  deleteBefore(time: Date): Promise<void>;
}

export interface EventRelay {
  /** This process's name in the log. */
  readonly origin: string;
  /** Publishes, on this process's bus, what other processes logged since the last poll; returns how many. */
  pollOnce(): Promise<number>;
  /** Whether an event came from another process (so what it starts, that process has started). */
  isRelayed(event: DatelineEvent): boolean;
  /**
   * Another process said it appended (PostgreSQL NOTIFY), or the listener is back after a gap:
   * read the log now. Wakes during a read are gathered into one more read right after it.
   */
  wake(): void;
  /** Waits until every event published here so far is in the shared log. */
  flush(): Promise<void>;
  /** Stops polling and waits for events still being written. */
  stop(): Promise<void>;
}

export interface EventRelayOptions {
  readonly clock: Clock;
  /** How often to read the others' events; 0 only writes (a `dateline worker` has no page cache to purge). */
  readonly pollMs: number;
  readonly onError: (error: unknown) => void;
  /** A row committed this long after a later id was read is still published (ids are not committed in order on PostgreSQL). */
  readonly graceMs?: number;
  /** Rows older than this are deleted now and then. */
  readonly keepMs?: number;
  /** After commit, events appended: called once an event of this process is in the shared log (live streams read it then). */
  readonly onAppended?: () => void;
}

const BATCH = 500;

/**
 * Joins this process's event bus to the other processes sharing the database: a `dateline
 * worker` that finishes a transcode, another app node that publishes a story. Every event
 * published here is appended to the shared log; every `pollMs` the others' new events are
 * published here, once each. On PostgreSQL a LISTEN connection (see compose.ts) calls `wake`
 * as soon as another process appends, so a change reaches every node well within a second;
 * polling stays as the durable catch-up after a lost connection or a restart, and is the only
 * path on SQLite.
 */
export async function startEventRelay(bus: EventBus, log: SharedEventLog, options: EventRelayOptions): Promise<EventRelay> {
  const origin = `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const graceMs = options.graceMs ?? 5_000;
  const keepMs = options.keepMs ?? 60 * 60_000;
  const relayedHere = new WeakSet<DatelineEvent>();
  const writing = new Set<Promise<void>>();
  /** Every id at or below it has been published (or is older than the grace period). */
  let floor = await log.lastId();
  /** Ids above the floor already published, with their time. */
  const seen = new Map<number, number>();
  let lastPrune = options.clock.now().getTime();
  let polling: Promise<number> | null = null;
  let wokenWhilePolling = false;
  let stopped = false;

  const unsubscribe = bus.subscribe((event) => {
    if (relayedHere.has(event)) return;
    const write: Promise<void> = log
      .append(origin, JSON.stringify(event), options.clock.now())
      .then(() => options.onAppended?.())
      .catch(options.onError)
      .finally(() => writing.delete(write));
    writing.add(write);
  });

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
      relayedHere.add(event);
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
    origin,
    pollOnce,
    isRelayed: (event) => relayedHere.has(event),
    wake,
    flush: async () => {
      await Promise.all(writing);
    },
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      unsubscribe();
      await polling?.catch(() => undefined);
      await Promise.all(writing);
    },
  };
}
