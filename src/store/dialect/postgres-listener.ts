import pg from 'pg';

/** The channel the event_log trigger notifies (migration 2026-11-30T1300), payload "schema:id". */
const CHANNEL = 'dateline_events';
const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 5_000;

export interface EventLogListenerOptions {
  /** The schema whose event_log this node reads (default "public"). */
  readonly schema?: string;
  /** Shown in pg_stat_activity, so an operator sees which node's listener a connection is. */
  readonly applicationName: string;
  /** Another process appended an event: read the log now. */
  readonly onAppended: (id: number) => void;
  /** The connection is (again) listening: notifications sent while it was away are lost, so read the log. */
  readonly onListening: () => void;
  /** The connection was lost or could not be made; it is made again by itself, after a backoff. */
  readonly onConnectionLost: (error: Error) => void;
}

export interface EventLogListener {
  close(): Promise<void>;
}

/**
 * One dedicated connection per node, outside the pool, that LISTENs for appended events so a
 * change made on one node reaches the others at once instead of at their next poll. Lost
 * connections are made again with a doubling backoff (100 ms to 5 s); polling stays the
 * durable path and catches up on whatever was announced while no one listened.
 */
export function listenForEventLog(url: string, options: EventLogListenerOptions): EventLogListener {
  const schema = options.schema ?? 'public';
  const prefix = `${schema}:`;
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = FIRST_RETRY_MS;
  let timer: NodeJS.Timeout | null = null;

  const lost = (from: pg.Client, error: Error) => {
    if (client !== from) return;
    client = null;
    from.removeAllListeners('notification');
    from.on('error', () => undefined);
    from.end().catch(() => undefined);
    if (closed) return;
    options.onConnectionLost(error);
    timer = setTimeout(connect, retryMs);
    timer.unref();
    retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
  };

  const connect = () => {
    timer = null;
    if (closed) return;
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, keepAlive: true, application_name: options.applicationName });
    client = next;
    next.on('error', (error) => lost(next, error));
    next.on('end', () => lost(next, new Error('Connection terminated')));
    next.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload?.startsWith(prefix)) return;
      const id = Number(message.payload.slice(prefix.length));
      if (Number.isSafeInteger(id)) options.onAppended(id);
    });
    next
      .connect()
      .then(() => next.query(`LISTEN ${CHANNEL}`))
      .then(() => {
        if (client !== next) return;
        retryMs = FIRST_RETRY_MS;
        options.onListening();
      })
      .catch((error: unknown) => lost(next, error instanceof Error ? error : new Error(String(error))));
  };

  connect();
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const current = client;
      client = null;
      if (current) {
        current.removeAllListeners('notification');
        current.on('error', () => undefined);
        await current.end().catch(() => undefined);
      }
    },
  };
}
