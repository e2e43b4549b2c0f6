import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStoryNote } from '../../src/actions/stories/add-story-note.js';
import { deliverWebhook } from '../../src/actions/webhooks/deliver-webhook.js';
import { STORE_KINDS } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { givenPublishedStory, SYSTEM } from '../support/factories.js';
import { API, givenUser } from '../support/newsroom.js';

interface Received {
  id: string;
  verified: unknown;
}

/** A partner's receiver: verifies each request with the standardwebhooks library, answers as told, keeps what it processed once per id. */
async function startReceiver(answers: number[]) {
  const attempts: Received[] = [];
  const processed = new Map<string, unknown>();
  let secret = '';
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let verified: unknown = null;
      try {
        verified = new Webhook(secret).verify(body, request.headers as Record<string, string>);
      } catch {
        response.writeHead(401).end();
        return;
      }
      const id = String(request.headers['webhook-id']);
      attempts.push({ id, verified });
      const status = answers.shift() ?? 200;
      if (status < 300 && !processed.has(id)) processed.set(id, verified);
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    attempts,
    processed,
    setSecret: (value: string) => (secret = value),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(STORE_KINDS)('webhooks on %s', (kind) => {
  let t: TestApp;
  let strict: TestApp;
  let admin: Awaited<ReturnType<typeof givenUser>>;
  beforeAll(async () => {
    // Receivers refuse signatures more than five minutes from their own clock: the test's clock starts at the real time.
    t = await startTestApp(kind, { clock: new Date(), env: { WEBHOOKS_ALLOW_PRIVATE: 'true' } });
    strict = await startTestApp(kind);
    admin = await givenUser(t.actions, 'hookadmin', [{ role: 'admin', serviceCode: null }]);
  });
  afterAll(async () => {
    await t.close();
    await strict.close();
  });

  const register = async (app: TestApp, headers: Record<string, string>, payload: Record<string, unknown>) =>
    app.app.inject({ method: 'POST', url: `${API}/webhooks`, headers, payload });

  /** Waits for the event listener to queue its deliveries (it runs after the action returns). */
  async function deliveriesOf(endpointId: number, count: number) {
    for (let i = 0; i < 100; i++) {
      const list = await t.store.read.webhooks.listDeliveries(endpointId, 50, 0);
      if (list.length >= count) return list;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('no delivery was queued');
  }

  it('signs a delivery so the receiver verifies it, and logs the answer', async () => {
    const receiver = await startReceiver([]);
    const created = await register(t, admin.bearer, { serviceCode: 'en', url: receiver.url, events: ['story.published', 'story.corrected'] });
    expect(created.statusCode, created.body).toBe(201);
    const { secret, webhook } = created.json<{ secret: string; webhook: { id: number } }>();
    expect(secret).toMatch(/^whsec_/);
    receiver.setSecret(secret);

    const storyId = await givenPublishedStory(t.actions, { headline: 'Hooked & signed' }, 0);
    const [first] = await deliveriesOf(webhook.id, 1);
    expect(await t.workers.workers[0]!.runOnce()).toBe('done');
    expect(await t.store.read.webhooks.findDelivery(first!.id)).toMatchObject({ state: 'delivered', responseStatus: 200 });
    expect(receiver.attempts).toHaveLength(1);
    expect(receiver.attempts[0]!.verified).toMatchObject({
      type: 'story.published',
      data: { story: { id: storyId, service: 'en', headline: 'Hooked & signed', url: expect.stringMatching(new RegExp(`^http://localhost:3000/en/a/.+/${storyId}$`)) } },
    });

    await addStoryNote(t.actions, SYSTEM, storyId, { kind: 'correction', text: 'Fixed a name.' });
    await deliveriesOf(webhook.id, 2);
    expect(await t.workers.workers[0]!.runOnce()).toBe('done');
    expect(receiver.attempts[1]!.verified).toMatchObject({ type: 'story.corrected' });

    const log = await t.app.inject({ method: 'GET', url: `${API}/webhooks/${webhook.id}/deliveries`, headers: admin.bearer });
    expect(log.json<{ items: { state: string; responseStatus: number; attempts: number; event: string }[] }>().items).toMatchObject([
      { event: 'story.corrected', state: 'delivered', responseStatus: 200, attempts: 1 },
      { event: 'story.published', state: 'delivered', responseStatus: 200, attempts: 1 },
    ]);
    await t.app.inject({ method: 'POST', url: `${API}/webhooks/${webhook.id}/disable`, headers: admin.bearer });
    await receiver.close();
  });

  it('retries with backoff, so a receiver that fails twice gets the event exactly once; redelivers by hand', async () => {
    const receiver = await startReceiver([500, 503, 200]);
    const created = await register(t, admin.bearer, { serviceCode: 'en', url: receiver.url, events: ['story.published'] });
    const { secret, webhook } = created.json<{ secret: string; webhook: { id: number } }>();
    receiver.setSecret(secret);
    await givenPublishedStory(t.actions, { headline: 'Try, try again' }, 0);
    const [delivery] = await deliveriesOf(webhook.id, 1);

    const worker = t.workers.workers[0]!;
    expect(await worker.runOnce()).toBe('retrying');
    expect(await worker.runOnce()).toBe('idle');
    t.clock.advance(31_000);
    expect(await worker.runOnce()).toBe('retrying');
    t.clock.advance(61_000);
    expect(await worker.runOnce()).toBe('done');
    expect(receiver.attempts.map((a) => a.id)).toEqual([delivery!.messageId, delivery!.messageId, delivery!.messageId]);
    expect(receiver.processed.size).toBe(1);
    const logged = (await t.store.read.webhooks.findDelivery(delivery!.id))!;
    expect(logged).toMatchObject({ state: 'delivered', attempts: 3, responseStatus: 200 });

    const again = await t.app.inject({ method: 'POST', url: `${API}/webhook-deliveries/${delivery!.id}/redeliver`, headers: admin.bearer });
    expect(again.json()).toMatchObject({ state: 'pending' });
    expect(await worker.runOnce()).toBe('done');
    expect(receiver.attempts).toHaveLength(4);
    expect(receiver.processed.size).toBe(1);
    expect((await t.store.read.webhooks.findDelivery(delivery!.id))!.attempts).toBe(4);
    await t.app.inject({ method: 'POST', url: `${API}/webhooks/${webhook.id}/disable`, headers: admin.bearer });
    await receiver.close();
  });

  it('is not held by a receiver that drips its answer: the status is taken and the body left; headers dripped past the deadline fail the attempt', async () => {
    // A receiver that sends a byte every 100 ms: never quiet long enough for a socket timeout.
    const sockets = new Set<net.Socket>();
    const drip = (socket: net.Socket, text: string) => {
      sockets.add(socket);
      let at = 0;
      const timer = setInterval(() => (at < text.length ? socket.write(text[at++]!) : socket.write('x')), 100);
      socket.on('close', () => clearInterval(timer));
      socket.on('error', () => clearInterval(timer));
    };
    const bodyDripper = net.createServer((socket) => {
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\n\r\n');
        drip(socket, '');
      });
    });
    const headerDripper = net.createServer((socket) => socket.once('data', () => drip(socket, 'HTTP/1.1 200 OK\r\nx-slow: ' + 'y'.repeat(200))));
    const urlOf = async (server: net.Server) => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    };
    // The attempts are made by hand, with a one-second deadline.
    const deps = { ...t.actions, webhookPolicy: { allowPrivate: true, siteUrl: new URL('http://localhost:3000'), timeoutMs: 1_000 } };
    const deliveryTo = async (url: string) => {
      const { webhook } = (await register(t, admin.bearer, { serviceCode: 'en', url, events: ['story.published'] })).json<{ webhook: { id: number } }>();
      await givenPublishedStory(t.actions, { headline: `Dripped to ${url}` }, 0);
      const [delivery] = await deliveriesOf(webhook.id, 1);
      return { webhook, delivery: delivery! };
    };

    const body = await deliveryTo(await urlOf(bodyDripper));
    const started = Date.now();
    await deliverWebhook(deps, body.delivery.id);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await t.store.read.webhooks.findDelivery(body.delivery.id)).toMatchObject({ state: 'delivered', responseStatus: 200 });

    const headers = await deliveryTo(await urlOf(headerDripper));
    const before = Date.now();
    await expect(deliverWebhook(deps, headers.delivery.id)).rejects.toThrow('no answer within 1 s');
    expect(Date.now() - before).toBeLessThan(5_000);
    expect(await t.store.read.webhooks.findDelivery(headers.delivery.id)).toMatchObject({ state: 'pending', responseStatus: null, lastError: 'no answer within 1 s' });

    for (const { webhook } of [body, headers]) await t.app.inject({ method: 'POST', url: `${API}/webhooks/${webhook.id}/disable`, headers: admin.bearer });
    for (const socket of sockets) socket.destroy();
    await Promise.all([bodyDripper, headerDripper].map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('refuses loopback, private and link-local endpoints with a clear message, storing nothing', async () => {
    const strictAdmin = await givenUser(strict.actions, 'strictadmin', [{ role: 'admin', serviceCode: null }]);
    for (const url of ['http://127.0.0.1:8080/hook', 'http://localhost/hook', 'http://10.1.2.3/hook', 'http://192.168.0.5/', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/hook', 'http://[::ffff:127.0.0.1]/x']) {
      const response = await register(strict, strictAdmin.bearer, { serviceCode: 'en', url, events: ['story.published'] });
      expect(response.statusCode, url).toBe(400);
      expect(response.json(), url).toMatchObject({ error: { code: 'WEBHOOK_ADDRESS_REFUSED', field: 'url', message: expect.stringContaining('private') } });
    }
    expect((await register(strict, strictAdmin.bearer, { serviceCode: 'en', url: 'ftp://example.org/', events: ['story.published'] })).json()).toMatchObject({
      error: { code: 'WEBHOOK_URL_INVALID' },
    });
    expect((await register(strict, strictAdmin.bearer, { serviceCode: 'en', url: 'https://example.org/', events: ['story.deleted'] })).statusCode).toBe(400);
    const editor = await givenUser(strict.actions, 'hookeditor', [{ role: 'editor', serviceCode: 'en' }]);
    expect((await register(strict, editor.bearer, { serviceCode: 'en', url: 'https://example.org/', events: ['story.published'] })).statusCode).toBe(403);
    expect(await strict.store.read.webhooks.listEndpoints(null, 10)).toEqual([]);
  });
});
