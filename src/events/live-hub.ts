import type { Clock } from '../domain/shared/clock.js';
import type { DatelineEvent } from './events.js';

/** The shared event log as live streams read it: every process's events, this one's included. */
export interface LiveEventSource {
  after(afterId: number, limit: number): Promise<readonly { id: number; payload: string; at: Date }[]>;
  lastId(): Promise<number>;
}

/** An event with its id in the shared log: the id a reader's stream resumes from. */
export interface LoggedLiveEvent {
  readonly id: number;
  readonly event: DatelineEvent;
}

export interface LiveHub {
  /** Something was appended (this process's append, a NOTIFY, a listener back after a gap): read the log now. */
  wake(): void;
  /** Every logged event, once, in the order this node read them. */
  subscribe(listener: (logged: LoggedLiveEvent) => void): () => void;
  /** Logged events with an id above `afterId`, oldest first (for a stream resuming on a node that did not send it). */
  readAfter(afterId: number, limit: number): Promise<LoggedLiveEvent[]>;
  stop(): Promise<void>;
}

export interface LiveHubOptions {
  readonly clock: Clock;
  /** The catch-up read when no wake came (SQLite's `dateline worker`, a missed notification). */
  readonly pollMs: number;
  readonly onError: (error: unknown) => void;
  /** Ids are not committed in order on PostgreSQL: a row this much later than a higher id is still read. */
  readonly graceMs?: number;
}

const BATCH = 500;

/**
 * Tails the shared event log for the live streams of this node: unlike the relay (which feeds
 * this node's bus with the others' events), it reads every process's events with their log
 * ids, so a reader who reconnects to any node resumes after the last id they saw.
 */
export async function startLiveHub(source: LiveEventSource, options: LiveHubOptions): Promise<LiveHub> {
  const graceMs = options.graceMs ?? 5_000;
  const listeners = new Set<(logged: LoggedLiveEvent) => void>();
  let floor = await source.lastId();
  const seen = new Map<number, number>();
  let reading: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const parse = (row: { id: number; payload: string }): LoggedLiveEvent | null => {
    try {
      return { id: row.id, event: JSON.parse(row.payload) as DatelineEvent };
    } catch (error) {
      options.onError(error);
      return null;
    }
  };

  const read = async (): Promise<void> => {
    const rows = await source.after(floor, BATCH);
    for (const row of rows) {
      if (seen.has(row.id)) continue;
      seen.set(row.id, row.at.getTime());
      const logged = parse(row);
      if (!logged) continue;
      for (const listener of listeners) {
        try {
          listener(logged);
        } catch (error) {
          options.onError(error);
        }
      }
    }
    const now = options.clock.now().getTime();
    for (const [id, at] of seen) {
      if (at < now - graceMs) {
        floor = Math.max(floor, id);
        seen.delete(id);
      }
    }
  };

  const wake = (): void => {
    if (stopped) return;
    if (reading) {
      again = true;
      return;
    }
    reading = read()
      .catch(options.onError)
      .finally(() => {
        reading = null;
        if (again) {
          again = false;
          wake();
        }
      });
  };

  const timer = options.pollMs > 0 ? setInterval(wake, options.pollMs) : null;
  timer?.unref();

  return {
    wake,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async readAfter(afterId, limit) {
      const rows = await source.after(afterId, limit);
      return rows.map(parse).filter((logged): logged is LoggedLiveEvent => logged !== null);
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await reading;
    },
  };
}
