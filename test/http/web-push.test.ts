import { createDecipheriv, createECDH, hkdfSync, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../../src/jobs/handlers.js';
import { createWorker } from '../../src/jobs/worker.js';
import { webPushSender } from '../../src/push/web-push-sender.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenService } from '../support/factories.js';
import { API, givenUser } from '../support/newsroom.js';

/** A browser's side of a subscription: its P-256 key pair and auth secret (RFC 8291). */
function browserKeys() {
  const ecdh = createECDH('prime256v1');
  const publicKey = ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, publicKey, auth, json: { p256dh: publicKey.toString('base64url'), auth: auth.toString('base64url') } };
}

/** Decrypts an aes128gcm Web Push message (RFC 8188 framing, RFC 8291 keys) as the browser would. */
function decrypt(body: Buffer, keys: ReturnType<typeof browserKeys>): string {
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const serverKey = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  const secret = keys.ecdh.computeSecret(serverKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), keys.publicKey, serverKey]);
  const ikm = Buffer.from(hkdfSync('sha256', secret, keys.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02 and optional zero padding.
  const end = padded.lastIndexOf(2);
  return padded.subarray(0, end).toString('utf8');
}

interface Received {
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

/**
 * A push service of the test's own on 127.0.0.1, over HTTPS with a certificate made here: /gone
 * answers 410, /missing 404, /busy 503 the first time for each address (then 201), everything else 201.
 */
async function startPushService() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-push-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
  ], { stdio: 'ignore' });
  const cert = fs.readFileSync(path.join(dir, 'cert.pem'));
  const key = fs.readFileSync(path.join(dir, 'key.pem'));
  fs.rmSync(dir, { recursive: true, force: true });
  const received: Received[] = [];
  const server = https.createServer({ cert, key }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = request.url ?? '';
      const busy = url.startsWith('/busy') && !received.some((r) => r.path === url);
      received.push({ path: url, headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(url.startsWith('/gone') ? 410 : url.startsWith('/missing') ? 404 : busy ? 503 : 201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agent = new https.Agent({ ca: cert });
  return { base, received, agent, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(STORE_KINDS)('Web Push for breaking alerts on %s', (kind) => {
  let t: TestApp;
  let pushService: Awaited<ReturnType<typeof startPushService>>;
  let editor: Awaited<ReturnType<typeof givenUser>>;
  beforeAll(async () => {
    // The push service runs on loopback, so this operator allows private endpoints.
    t = await startTestApp(kind, { demo: false, env: { PUSH_ALLOW_PRIVATE_ENDPOINTS: 'true' } });
    await givenService(t.actions);
    editor = await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }]);
    pushService = await startPushService();
  });
  afterAll(async () => {
    await pushService?.close();
    await t?.close();
  });

  const subscribe = (endpoint: string, keys: object) => t.app.inject({ method: 'POST', url: '/en/push/subscriptions', payload: { endpoint, keys } });
  /** Runs queued jobs (the fan-out, then each delivery) until none is left. */
  async function runJobs(): Promise<void> {
    // The app's sender, trusting the test push service's certificate.
    const push = webPushSender({ subject: 'mailto:webmaster@example.org', allowPrivateEndpoints: true, agent: pushService.agent });
    const worker = createWorker({ store: t.store, clock: t.clock, handlers: jobHandlers({ ...t.media, push, allowPrivatePushEndpoints: true }) });
    while ((await worker.runOnce()) !== 'idle');
  }

  it('makes its VAPID key once and keeps it', async () => {
    const first = (await t.app.inject('/en/push/key')).json();
    expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65);
    expect((await t.app.inject('/en/push/key')).json()).toEqual(first);
    expect((await t.app.inject('/xx/push/key')).statusCode).toBe(404);
  });

  it('pushes an alert the editor chose to push, encrypted for each browser; a gone (410) or unknown (404) subscription is deleted', async () => {
    const reader = browserKeys();
    const leaver = browserKeys();
    expect((await subscribe(`${pushService.base}/send/reader-1`, reader.json)).statusCode).toBe(201);
    expect((await subscribe(`${pushService.base}/gone/reader-2`, leaver.json)).statusCode).toBe(201);
    expect((await subscribe(`${pushService.base}/missing/reader-3`, browserKeys().json)).statusCode).toBe(201);
    expect(await t.store.read.push.count('en')).toBe(3);

    const quiet = await t.app.inject({ method: 'POST', url: `${API}/alerts`, headers: editor.bearer, payload: { serviceCode: 'en', text: 'Not pushed', durationMinutes: 30 } });
    expect(quiet.statusCode).toBe(201);
    await runJobs();
    expect(pushService.received).toHaveLength(0);

    const sent = await t.app.inject({
      method: 'POST',
      url: `${API}/alerts`,
      headers: editor.bearer,
      payload: { serviceCode: 'en', text: 'Polling stations close early', durationMinutes: 30, push: true },
    });
    expect(sent.statusCode).toBe(201);
    await runJobs();

    const toReader = pushService.received.find((r) => r.path === '/send/reader-1');
    expect(toReader?.headers['content-encoding']).toBe('aes128gcm');
    const { publicKey } = (await t.app.inject('/en/push/key')).json();
    expect(toReader?.headers.authorization).toContain(`k=${publicKey}`);
    expect(JSON.parse(decrypt(toReader!.body, reader))).toEqual({
      type: 'alert',
      serviceCode: 'en',
      id: sent.json().id,
      text: 'Polling stations close early',
      url: null,
    });
    // The push service said 410 Gone and 404 Not Found for the others: those subscriptions are deleted.
    expect(pushService.received.some((r) => r.path === '/gone/reader-2')).toBe(true);
    expect(pushService.received.some((r) => r.path === '/missing/reader-3')).toBe(true);
    expect(await t.store.read.push.count('en')).toBe(1);
  });

  const alert = (text: string) =>
    t.app.inject({ method: 'POST', url: `${API}/alerts`, headers: editor.bearer, payload: { serviceCode: 'en', text, durationMinutes: 30, push: true } });
  const unsubscribe = (endpoint: unknown) => t.app.inject({ method: 'DELETE', url: '/en/push/subscriptions', payload: { endpoint } });
  const sentTo = (path: string) => pushService.received.filter((r) => r.path === path);

  it('keeps one subscription per browser, and turns alerts off with DELETE and the endpoint: nothing is pushed there after', async () => {
    const before = await t.store.read.push.count('en');
    const endpoint = `${pushService.base}/send/leaving-reader`;
    const keys = browserKeys();
    // The browser subscribes again (new keys, same endpoint): still one subscription, with the newest keys.
    expect((await subscribe(endpoint, browserKeys().json)).statusCode).toBe(201);
    expect((await subscribe(endpoint, keys.json)).statusCode).toBe(201);
    expect(await t.store.read.push.count('en')).toBe(before + 1);
    expect((await alert('Curfew from 10 pm')).statusCode).toBe(201);
    await runJobs();
    const [delivered] = sentTo('/send/leaving-reader');
    expect(JSON.parse(decrypt(delivered!.body, keys))).toMatchObject({ text: 'Curfew from 10 pm' });

    const off = await unsubscribe(endpoint);
    expect(off.statusCode).toBe(200);
    expect(await t.store.read.push.count('en')).toBe(before);
    expect((await alert('Curfew lifted')).statusCode).toBe(201);
    await runJobs();
    expect(sentTo('/send/leaving-reader')).toHaveLength(1);

    // Again, or an endpoint never subscribed: 404; not an address: 400. Nothing changes.
    const again = await unsubscribe(endpoint);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('PUSH_SUBSCRIPTION_NOT_FOUND');
    for (const bad of ['not a url', '', 42, null]) expect((await unsubscribe(bad)).statusCode, String(bad)).toBe(400);
    expect(await t.store.read.push.count('en')).toBe(before);
  });

  it('retries a delivery the push service could not take (503) with backoff, keeping the subscription', async () => {
    const keys = browserKeys();
    expect((await subscribe(`${pushService.base}/busy/reader-5`, keys.json)).statusCode).toBe(201);
    const count = await t.store.read.push.count('en');
    expect((await alert('Airport closed')).statusCode).toBe(201);
    await runJobs();
    expect(sentTo('/busy/reader-5')).toHaveLength(1);
    expect(await t.store.read.push.count('en')).toBe(count);
    // Not at once: only when its backoff has passed.
    await runJobs();
    expect(sentTo('/busy/reader-5')).toHaveLength(1);
    t.clock.advance(10 * 60_000);
    await runJobs();
    const attempts = sentTo('/busy/reader-5');
    expect(attempts).toHaveLength(2);
    expect(JSON.parse(decrypt(attempts[1]!.body, keys))).toMatchObject({ text: 'Airport closed' });
  });

  it('does not send, on its retry, an alert that ended meanwhile', async () => {
    expect((await subscribe(`${pushService.base}/busy/reader-6`, browserKeys().json)).statusCode).toBe(201);
    const sent = await alert('Road closed');
    expect(sent.statusCode).toBe(201);
    await runJobs();
    expect(sentTo('/busy/reader-6')).toHaveLength(1);
    const ended = await t.app.inject({ method: 'POST', url: `${API}/alerts/${sent.json().id}/expire`, headers: editor.bearer, payload: {} });
    expect(ended.statusCode).toBe(200);
    t.clock.advance(10 * 60_000);
    await runJobs();
    expect(sentTo('/busy/reader-6')).toHaveLength(1);
  });

  it('refuses bad subscriptions with a 400 and stores nothing', async () => {
    const before = await t.store.read.push.count('en');
    const good = browserKeys().json;
    for (const [endpoint, keys] of [
      ['not a url', good],
      [`${pushService.base}/x`, { p256dh: 'short', auth: good.auth }],
      [`${pushService.base}/x`, { p256dh: good.p256dh, auth: 'c2hvcnQ' }],
      ['javascript:alert(1)', good],
    ] as const) {
      expect((await subscribe(endpoint, keys)).statusCode).toBe(400);
    }
    expect((await t.app.inject({ method: 'POST', url: '/xx/push/subscriptions', payload: { endpoint: `${pushService.base}/y`, keys: good } })).statusCode).toBe(404);
    expect(await t.store.read.push.count('en')).toBe(before);
  });
});

describe('Web Push endpoints on private addresses, by default', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { demo: false });
    await givenService(t.actions);
  });
  afterAll(async () => t?.close());

  it('refuses loopback, private and plain-http endpoints unless the operator allows them', async () => {
    const keys = browserKeys().json;
    for (const endpoint of [
      'https://127.0.0.1/push',
      'https://localhost/push',
      'https://10.0.0.5/push',
      'https://192.168.1.1/push',
      'https://[::1]/push',
      'https://[fd00::1]/push',
      'https://169.254.169.254/latest/meta-data',
      'https://user:secret@push.example.com/send',
      'http://push.example.com/send',
    ]) {
      const response = await t.app.inject({ method: 'POST', url: '/en/push/subscriptions', payload: { endpoint, keys } });
      expect({ endpoint, status: response.statusCode, code: response.json().error?.code }).toEqual({ endpoint, status: 400, code: 'PUSH_ENDPOINT_REFUSED' });
    }
    expect(await t.store.read.push.count('en')).toBe(0);
    const accepted = await t.app.inject({ method: 'POST', url: '/en/push/subscriptions', payload: { endpoint: 'https://push.example.com/send/abc', keys } });
    expect(accepted.statusCode).toBe(201);
    expect(await t.store.read.push.count('en')).toBe(1);
  });
});

describe('the Web Push sender facing a hostile push service', () => {
  const vapid = webPushSender({ subject: 'mailto:webmaster@example.org', allowPrivateEndpoints: true }).generateKeys();
  const subscription = (endpoint: string) => ({ id: 1, serviceCode: 'en', endpoint, keys: browserKeys().json });

  /** A push service that answers a byte every 100 ms (never quiet long enough for a socket timeout), after `head` at once. */
  async function dripping(head: string, drip: string) {
    const sockets = new Set<net.Socket>();
    let connections = 0;
    const server = net.createServer((socket) => {
      connections++;
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.once('data', () => {
        socket.write(head);
        if (!drip) return;
        let at = 0;
        const timer = setInterval(() => socket.write(drip[at++ % drip.length]!), 100);
        socket.on('close', () => clearInterval(timer));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      port: (server.address() as AddressInfo).port,
      connections: () => connections,
      close: async () => {
        for (const socket of sockets) socket.destroy();
        await new Promise((resolve) => server.close(resolve));
      },
    };
  }

  it('takes the status without reading a dripped answer, and gives up on dripped headers at its deadline', async () => {
    const push = webPushSender({ subject: 'mailto:webmaster@example.org', allowPrivateEndpoints: true, timeoutMs: 1_000 });
    const body = await dripping('HTTP/1.1 201 Created\r\ncontent-type: text/plain\r\n\r\n', 'x');
    const started = Date.now();
    expect(await push.send(subscription(`http://127.0.0.1:${body.port}/send/a`), '{"text":"Hi"}', vapid)).toBe(201);
    expect(Date.now() - started).toBeLessThan(1_000);
    await body.close();

    const headers = await dripping('HTTP/1.1 201 Created\r\n', 'x-slow: y\r\n');
    const before = Date.now();
    await expect(push.send(subscription(`http://127.0.0.1:${headers.port}/send/b`), '{"text":"Hi"}', vapid)).rejects.toThrow('no answer within 1 s');
    expect(Date.now() - before).toBeLessThan(5_000);
    await headers.close();
  });

  it('never connects to a push service whose name resolves to a private address, unless the operator allows it', async () => {
    // This machine's own name resolves to a loopback or private address (/etc/hosts).
    const service = await dripping('HTTP/1.1 201 Created\r\ncontent-length: 0\r\n\r\n', '');
    const endpoint = `http://${os.hostname()}:${service.port}/send/c`;
    const strict = webPushSender({ subject: 'mailto:webmaster@example.org', allowPrivateEndpoints: false, timeoutMs: 1_000 });
    expect(await strict.send(subscription(endpoint), '{"text":"Hi"}', vapid)).toBe(403);
    expect(await strict.send(subscription(`http://127.0.0.1:${service.port}/send/c`), '{"text":"Hi"}', vapid)).toBe(403);
    expect(service.connections()).toBe(0);
    await service.close();
  });
});
