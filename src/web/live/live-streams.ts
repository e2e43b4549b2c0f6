import type { ServerResponse } from 'node:http';
import type { LiveUpdate } from '../../actions/reader/live-updates.js';
import type { DatelineEvent } from '../../events/events.js';
import type { LiveHub, LoggedLiveEvent } from '../../events/live-hub.js';

export interface LiveStreamsOptions {
  /** What a reader's connection may have waiting unsent; past it the reader is dropped (its browser reconnects and resumes). */
  readonly bufferLimitBytes?: number;
  /** A comment line this often keeps proxies from closing an idle stream. */
  readonly heartbeatMs?: number;
  /** Events kept in memory so a reconnecting reader resumes without asking the database. */
  readonly recentEvents?: number;
  /** How many logged events a reader who was away may be sent back at once. */
  readonly replayLimit?: number;
  readonly onError: (error: unknown) => void;
}

export interface StreamFilter {
  readonly serviceCode: string;
  /** Only this story's updates (with the service's alerts); every story's when absent. */
  readonly storyId?: number;
}

interface Connection extends StreamFilter {
  readonly res: ServerResponse;
  /** Updates that arrived while this reader's missed events were being read back; sent after them. */
  queue: Sent[] | null;
  /** Ids already sent by the read-back, not to be sent twice when this node reads them later. */
  readonly replayed: Set<number>;
}

interface Sent {
  readonly id: number;
  readonly update: LiveUpdate;
  readonly chunk: string;
}

const encode = (update: LiveUpdate, id?: number) => `${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(update)}\n\n`;

/** Alerts are state: a reader coming back has the current one already (sent first), not the ones in between. */
const replayable = (update: LiveUpdate) => update.type !== 'alert';

function matches(connection: StreamFilter, update: LiveUpdate): boolean {
  if (update.serviceCode !== connection.serviceCode) return false;
  return update.type === 'alert' || connection.storyId === undefined || update.storyId === connection.storyId;
}

/**
 * The open Server-Sent Events streams of this node. Each event of the shared log is turned
 * into an update once (not once per reader), encoded once, and written to every matching
 * stream without waiting for any of them: a reader whose unsent data passes the limit is
 * dropped, so a slow reader never holds up the others. Ids are the event log's, so a
 * browser that reconnects (to this node or another) sends Last-Event-ID and gets exactly
 * what it missed.
 */
export class LiveStreams {
  private readonly connections = new Set<Connection>();
  private readonly recent: Sent[] = [];
  private chain: Promise<void> = Promise.resolve();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly unsubscribe: () => void;
  private readonly bufferLimit: number;
  private readonly recentLimit: number;
  private readonly replayLimit: number;

  constructor(
    private readonly hub: LiveHub,
    private readonly build: (event: DatelineEvent) => Promise<LiveUpdate | null>,
    private readonly options: LiveStreamsOptions,
  ) {
    this.bufferLimit = options.bufferLimitBytes ?? 64 * 1024;
    this.recentLimit = options.recentEvents ?? 2_000;
    this.replayLimit = options.replayLimit ?? 1_000;
    this.unsubscribe = hub.subscribe((logged) => {
      this.chain = this.chain.then(() => this.broadcast(logged)).catch(options.onError);
    });
    this.heartbeat = setInterval(() => {
      for (const connection of this.connections) this.write(connection, ': heartbeat\n\n');
    }, options.heartbeatMs ?? 20_000);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.connections.size;
  }

  /**
   * Starts a stream on `res` (headers not yet sent): the current state first, then, for a
   * reader coming back, every matching update after `lastEventId`, then updates as they come.
   */
  async open(res: ServerResponse, filter: StreamFilter, current: LiveUpdate, lastEventId: number | undefined): Promise<void> {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      // nginx and similar proxies would otherwise hold the stream back in their buffers.
      'x-accel-buffering': 'no',
    });
    const connection: Connection = { ...filter, res, queue: null, replayed: new Set() };
    this.connections.add(connection);
    res.on('close', () => this.connections.delete(connection));
    this.write(connection, `retry: 2000\n${encode(current)}`);
    if (lastEventId === undefined) return;

    const at = this.recent.findIndex((sent) => sent.id === lastEventId);
    if (at >= 0) {
      for (const sent of this.recent.slice(at + 1)) {
        if (replayable(sent.update) && matches(connection, sent.update)) this.write(connection, sent.chunk);
      }
      return;
    }
    // Not one this node sent lately (another node's stream, or before a restart): read the log.
    connection.queue = [];
    try {
      for (const logged of await this.hub.readAfter(lastEventId, this.replayLimit)) {
        const update = await this.build(logged.event);
        connection.replayed.add(logged.id);
        if (update && replayable(update) && matches(connection, update)) this.write(connection, encode(update, logged.id));
      }
    } catch (error) {
      this.options.onError(error);
      connection.res.destroy();
    }
    const queued = connection.queue;
    connection.queue = null;
    for (const sent of queued) this.deliver(connection, sent);
  }

  /** Ends every open stream, as a restart or a proxy would; browsers reconnect and resume from their last id. */
  disconnectAll(): void {
    for (const connection of this.connections) connection.res.end();
    this.connections.clear();
  }

  /** Shutdown: ends every stream, so closing the server does not wait for readers. */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    this.unsubscribe();
    this.disconnectAll();
    await this.chain;
  }

  private async broadcast(logged: LoggedLiveEvent): Promise<void> {
    // Nobody listening: no work per event. What was kept for replay no longer follows on, so a
    // reader who comes back later resumes from the event log instead.
    if (this.connections.size === 0) {
      this.recent.length = 0;
      return;
    }
    const update = await this.build(logged.event);
    if (!update) return;
    const sent: Sent = { id: logged.id, update, chunk: encode(update, logged.id) };
    this.recent.push(sent);
    if (this.recent.length > this.recentLimit) this.recent.splice(0, this.recent.length - this.recentLimit);
    for (const connection of this.connections) {
      if (connection.queue) connection.queue.push(sent);
      else this.deliver(connection, sent);
    }
  }

  private deliver(connection: Connection, sent: Sent): void {
    if (connection.replayed.delete(sent.id)) return;
    if (matches(connection, sent.update)) this.write(connection, sent.chunk);
  }

  private write(connection: Connection, chunk: string): void {
    const { res } = connection;
    if (res.destroyed) return;
    res.write(chunk);
    if (res.writableLength > this.bufferLimit) {
      this.connections.delete(connection);
      res.destroy();
    }
  }
}
