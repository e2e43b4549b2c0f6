import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveUpdate } from '../../src/actions/reader/live-updates.js';
import type { LiveHub, LoggedLiveEvent } from '../../src/events/live-hub.js';
import { LiveStreams } from '../../src/web/live/live-streams.js';

/**
 * "A slow reader never slows the others: bounded per-connection buffers, dropped when full."
 * Real sockets on a real HTTP server: one reader stops reading (its kernel buffers fill, then
 * the server's unsent data grows), another reads on. The stalled one is dropped once its unsent
 * data passes the limit; the other gets every update, in order, without waiting for it.
 */
describe('a stalled reader of the live stream', () => {
  let server: http.Server;
  let streams: LiveStreams;
  let publish: (logged: LoggedLiveEvent) => void = () => undefined;
  let port: number;
  const errors: unknown[] = [];
  /** Each update carries 32 KiB of text, so a stalled socket's buffers fill after a few hundred. */
  const padding = 'x'.repeat(32 * 1024);
  const LIMIT = 64 * 1024;

  beforeAll(async () => {
    const hub: LiveHub = {
      wake: () => undefined,
      subscribe: (listener) => {
        publish = listener;
        return () => undefined;
      },
      readAfter: async () => [],
      stop: async () => undefined,
    };
    const build = async (event: LoggedLiveEvent['event']): Promise<LiveUpdate> => ({
      type: 'alert',
      serviceCode: 'en',
      alert: { id: 'alertId' in event ? Number(event.alertId) : 0, text: padding, linkUrl: null, expiresAt: 0 },
      now: 0,
    });
    streams = new LiveStreams(hub, build, { bufferLimitBytes: LIMIT, onError: (error) => errors.push(error) });
    server = http.createServer((_req, res) => {
      void streams.open(res, { serviceCode: 'en' }, { type: 'alert', serviceCode: 'en', alert: null, now: 0 }, undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await streams.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** A raw reader: sends the request; `read` false never reads what comes back. */
  function reader(read: boolean) {
    const socket = net.connect(port, '127.0.0.1');
    const ids: number[] = [];
    let text = '';
    let closed = false;
    socket.on('close', () => (closed = true));
    socket.on('error', () => undefined);
    socket.write('GET /en/live HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n');
    if (read) {
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        text += chunk;
        let end: number;
        while ((end = text.indexOf('\n\n')) >= 0) {
          const block = text.slice(0, end);
          text = text.slice(end + 2);
          const id = /(?:^|\n)id: (\d+)/.exec(block)?.[1];
          if (id) ids.push(Number(id));
        }
      });
    } else {
      socket.pause();
    }
    return { socket, ids, closed: () => closed };
  }

  it('is dropped when its unsent data passes the limit, while another reader gets every update in order', { timeout: 60_000 }, async () => {
    const stalled = reader(false);
    const healthy = reader(true);
    await expect.poll(() => streams.size).toBe(2);

    const sent: number[] = [];
    const started = Date.now();
    let droppedAt: number | null = null;
    // Updates keep coming; the healthy reader drains as they go.
    for (let id = 1; id <= 1_000 && (droppedAt === null || sent.length < droppedAt + 20); id++) {
      publish({ id, event: { type: 'alert.changed', serviceCode: 'en', alertId: id } });
      sent.push(id);
      if (droppedAt === null && streams.size === 1) droppedAt = id;
      await new Promise((resolve) => setImmediate(resolve));
    }
    await expect.poll(() => streams.size, { timeout: 10_000 }).toBe(1);
    expect(droppedAt, 'the stalled reader was dropped').not.toBeNull();
    // The healthy reader had everything, in order, once each, and is still connected.
    await expect.poll(() => healthy.ids.length, { timeout: 10_000 }).toBe(sent.length);
    expect(healthy.ids).toEqual(sent);
    expect(healthy.closed()).toBe(false);
    // The broadcast never waited on the stalled socket: hundreds of 32 KiB updates in well under the time a blocked writer would take.
    expect(Date.now() - started).toBeLessThan(30_000);
    // Its socket was ended by the server (reading it now finds the end, not a live stream).
    stalled.socket.resume();
    await expect.poll(() => stalled.closed(), { timeout: 10_000 }).toBe(true);
    expect(errors).toEqual([]);
    healthy.socket.destroy();
  });
});
