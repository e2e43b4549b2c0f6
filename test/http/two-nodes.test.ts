import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createStory } from '../../src/actions/stories/create-story.js';
import { newWebhookSecret } from '../../src/actions/webhooks/signature.js';
import { composeApp } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import { createTestDatabase, POSTGRES_URL, type TestDatabase } from '../support/databases.js';
import { listen } from '../support/app.js';
import { startTcpProxy, throughProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { givenPublishedStory, givenService, storyInput, SYSTEM } from '../support/factories.js';
import { API, givenUser } from '../support/newsroom.js';

type Node = Awaited<ReturnType<typeof composeApp>>;

/** How long a change on one node may take to show on another: the product's bar. */
const VISIBLE_WITHIN_MS = 1_000;
/**
 * The nodes poll the event log this rarely, so within the test only PostgreSQL NOTIFY (or the
 * catch-up read when a LISTEN connection comes back) can bring a change across.
 */
const RARE_POLL_MS = 30_000;

/** Two app nodes sharing one PostgreSQL database, as behind a load balancer: each with its own page cache. */
describe('two app nodes on one PostgreSQL database', () => {
  let database: TestDatabase;
  let a: Node;
  let b: Node;
  let editor: Awaited<ReturnType<typeof givenUser>>;
  let proxy: TcpProxy | undefined;
  let c: Node | undefined;
  let d: Node | undefined;
  let e: Node | undefined;
  const node = (url = database.config.kind === 'postgres' ? database.config.url : '') => {
      const config = loadConfig({
        DATABASE_URL: url,
        MEDIA_DIR: path.join(database.dir, 'media'),
        ORIGINALS_DIR: path.join(database.dir, 'originals'),
        UPLOADS_DIR: path.join(database.dir, 'uploads'),
        SECRET_FILE: path.join(database.dir, 'secret'),
        DEMO: 'false',
        WORKERS: '0',
        LOG_LEVEL: 'silent',
      });
      // The nodes' own clocks and their own way of hearing about each other's changes.
      return composeApp(config, { schema: database.schema ?? '', relayPollMs: RARE_POLL_MS });
  };
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    fs.mkdirSync(path.join(database.dir, 'media'), { recursive: true });
    a = await node();
    b = await node();
    await givenService(a.actions);
    editor = await givenUser(a.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }]);
  });
  afterAll(async () => {
    await proxy?.restore();
    for (const node of [a, b, c, d, e]) {
      await node?.app.close();
      await node?.store.close();
    }
    await proxy?.close();
    await database?.cleanup();
  });

  let bBase: string | undefined;
  /** Node B's address, listening from the first test that needs it on. */
  const baseOfB = async () => (bBase ??= await listen(b.app));

  /** Node B has read every change node A made so far (as its relay would within a second). */
  async function heardOnB(): Promise<void> {
    await b.relay.pollOnce();
  }

  /** Polls a node until `check` holds, failing after `withinMs`; returns how long it took. */
  async function visibleOn(target: Node, url: string, check: (body: string) => boolean, withinMs = VISIBLE_WITHIN_MS): Promise<number> {
    const start = Date.now();
    for (;;) {
      const response = await target.app.inject({ method: 'GET', url });
      if (response.statusCode === 200 && check(response.body)) return Date.now() - start;
      if (Date.now() - start > withinMs) throw new Error(`not visible on the node within ${withinMs} ms: ${url}`);
      await delay(20);
    }
  }
  const visibleOnB = (url: string, check: (body: string) => boolean) => visibleOn(b, url, check);

  /** A cached page on the node, so only a purge the node heard of can change what it serves. */
  async function cachedOn(target: Node, url: string): Promise<void> {
    expect((await target.app.inject({ method: 'GET', url })).statusCode).toBe(200);
    expect((await target.app.inject({ method: 'GET', url })).headers['x-cache']).toBe('HIT');
  }

  /** An edit of a published story on `target` (node A unless told), put live with Update. */
  async function saveOnA(id: number, headline: string, slug: string, target: Node = a): Promise<void> {
    const { version } = (await target.app.inject({ method: 'GET', url: `${API}/stories/${id}`, headers: editor.bearer })).json<{ version: number }>();
    const saved = await target.app.inject({
      method: 'PUT',
      url: `${API}/stories/${id}`,
      headers: editor.bearer,
      payload: { ...storyInput({ headline, slug }), version },
    });
    expect(saved.statusCode).toBe(200);
    const updated = await target.app.inject({ method: 'POST', url: `${API}/stories/${id}/update`, headers: editor.bearer, payload: {} });
    expect(updated.statusCode).toBe(200);
  }

  /** The backend pid of a node's LISTEN connection, as the server lists it (null while it has none). */
  async function listenerPid(target: Node): Promise<number | null> {
    const rows = await adminQuery<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and application_name = $1',
      [`dateline-events ${target.store.origin}`.slice(0, 63)],
    );
    return rows[0]?.pid ?? null;
  }
  async function adminQuery<R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<R[]> {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      return (await client.query<R>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  it('shows a save made on node A on the story page node B had cached', async () => {
    const id = await givenPublishedStory(a.actions, { headline: 'Budget Passes', slug: 'budget-passes' });
    const url = `/en/a/budget-passes/${id}`;
    // B has heard of the publish before it renders: a render that a purge overtakes is not kept.
    await heardOnB();
    expect((await b.app.inject({ method: 'GET', url })).headers['x-cache']).toBe('MISS');
    const cached = await b.app.inject({ method: 'GET', url });
    expect(cached.headers['x-cache']).toBe('HIT');
    expect(cached.body).toContain('Budget Passes');

    const saved = await a.app.inject({
      method: 'PUT',
      url: `${API}/stories/${id}`,
      headers: editor.bearer,
      payload: { ...storyInput({ headline: 'Budget Passes After Recount', slug: 'budget-passes' }), version: 1 },
    });
    expect(saved.statusCode).toBe(200);
    const updated = await a.app.inject({ method: 'POST', url: `${API}/stories/${id}/update`, headers: editor.bearer, payload: {} });
    expect(updated.statusCode).toBe(200);
    await visibleOnB(url, (body) => body.includes('Budget Passes After Recount'));
  });

  it('shows a story published on node A on node B’s cached home page', async () => {
    await heardOnB();
    expect((await b.app.inject({ method: 'GET', url: '/en/' })).statusCode).toBe(200);
    expect((await b.app.inject({ method: 'GET', url: '/en/' })).headers['x-cache']).toBe('HIT');
    const id = await createStory(a.actions, SYSTEM, storyInput({ headline: 'Polls Close In Bishkek', slug: 'polls-close' }));
    const published = await a.app.inject({ method: 'POST', url: `${API}/stories/${id}/publish`, headers: editor.bearer, payload: {} });
    expect(published.statusCode).toBe(200);
    await visibleOnB('/en/', (body) => body.includes('Polls Close In Bishkek'));
  });

  it('shows an alert sent on node A on node B’s cached pages within a second, with no poll in between', async () => {
    await heardOnB();
    await cachedOn(b, '/en/');
    const sent = await a.app.inject({
      method: 'POST',
      url: `${API}/alerts`,
      headers: editor.bearer,
      payload: { serviceCode: 'en', text: 'Polling stations close early', durationMinutes: 30 },
    });
    expect(sent.statusCode).toBe(201);
    await visibleOnB('/en/', (body) => body.includes('Polling stations close early'));
  });

  it('an alert sent on node A reaches a reader’s open stream on node B within a second', async () => {
    const streamBase = await baseOfB();
    const messages: string[] = [];
    let request: http.ClientRequest | undefined;
    await new Promise<void>((resolve, reject) => {
      request = http.get(`${streamBase}/en/live`, (response) => {
        expect(response.statusCode).toBe(200);
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          messages.push(...chunk.split('\n').filter((line) => line.startsWith('data: ')));
          resolve();
        });
      });
      request.on('error', reject);
    });
    try {
      const sent = await a.app.inject({
        method: 'POST',
        url: `${API}/alerts`,
        headers: editor.bearer,
        payload: { serviceCode: 'en', text: 'Bridge closed to traffic', durationMinutes: 30 },
      });
      expect(sent.statusCode).toBe(201);
      const start = Date.now();
      while (!messages.some((line) => line.includes('Bridge closed to traffic'))) {
        if (Date.now() - start > VISIBLE_WITHIN_MS) throw new Error(`the alert did not reach node B's stream within ${VISIBLE_WITHIN_MS} ms`);
        await delay(10);
      }
      expect(messages.filter((line) => line.includes('Bridge closed to traffic'))).toHaveLength(1);
    } finally {
      request?.destroy();
    }
  });

  it('a publish, an edit and a live entry made on node A are on node B’s cached pages and its open stream within a second', async () => {
    const streamBase = await baseOfB();
    const messages: { type: string; storyId?: number; entryId?: number }[] = [];
    let request: http.ClientRequest | undefined;
    await new Promise<void>((resolve, reject) => {
      request = http.get(`${streamBase}/en/live`, (response) => {
        expect(response.statusCode).toBe(200);
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          for (const line of chunk.split('\n')) if (line.startsWith('data: ')) messages.push(JSON.parse(line.slice(6)) as (typeof messages)[number]);
          resolve();
        });
      });
      request.on('error', reject);
    });
    /** Waits for a message on B's stream, failing after a second; returns how long it took. */
    const onStreamOfB = async (what: string, check: (m: (typeof messages)[number]) => boolean) => {
      const start = Date.now();
      while (!messages.some(check)) {
        if (Date.now() - start > VISIBLE_WITHIN_MS) throw new Error(`${what} did not reach node B's stream within ${VISIBLE_WITHIN_MS} ms: ${JSON.stringify(messages)}`);
        await delay(10);
      }
      return Date.now() - start;
    };
    try {
      // Publish: on B's cached home page and stream.
      await heardOnB();
      await cachedOn(b, '/en/');
      const id = await createStory(a.actions, SYSTEM, storyInput({ headline: 'Floodgates Open', slug: 'floodgates-open' }));
      const published = await a.app.inject({ method: 'POST', url: `${API}/stories/${id}/publish`, headers: editor.bearer, payload: {} });
      expect(published.statusCode).toBe(200);
      await Promise.all([visibleOnB('/en/', (body) => body.includes('Floodgates Open')), onStreamOfB('the publish', (m) => m.type === 'story' && m.storyId === id)]);

      // Edit: on B's cached story page and stream.
      const url = `/en/a/floodgates-open/${id}`;
      await heardOnB();
      await cachedOn(b, url);
      const seen = messages.length;
      await saveOnA(id, 'Floodgates Open At Dawn', 'floodgates-open');
      await Promise.all([
        visibleOnB(url, (body) => body.includes('Floodgates Open At Dawn')),
        onStreamOfB('the edit', (m) => messages.indexOf(m) >= seen && m.type === 'story' && m.storyId === id),
      ]);

      // A live entry: on B's cached story page and stream.
      expect((await a.app.inject({ method: 'PUT', url: `${API}/stories/${id}/live`, headers: editor.bearer, payload: { live: true } })).statusCode).toBe(200);
      await heardOnB();
      await cachedOn(b, url);
      const posted = await a.app.inject({
        method: 'POST',
        url: `${API}/stories/${id}/live/entries`,
        headers: editor.bearer,
        payload: { body: [{ type: 'paragraph', content: [{ type: 'text', text: 'Water reaches the old bridge.' }] }] },
      });
      expect(posted.statusCode).toBe(201);
      const entryId = posted.json<{ id: number }>().id;
      await Promise.all([
        visibleOnB(url, (body) => body.includes('Water reaches the old bridge.')),
        onStreamOfB('the live entry', (m) => m.type === 'entry' && m.entryId === entryId),
      ]);
      // Each once.
      expect(messages.filter((m) => m.type === 'entry' && m.entryId === entryId)).toHaveLength(1);
    } finally {
      request?.destroy();
    }
  });

  it('listens again after the server ends node B’s LISTEN connection, and hears changes at once', async () => {
    const id = await givenPublishedStory(a.actions, { headline: 'Recount Ordered', slug: 'recount-ordered' });
    const url = `/en/a/recount-ordered/${id}`;
    await heardOnB();
    await cachedOn(b, url);
    const before = await listenerPid(b);
    expect(before).not.toBeNull();
    await adminQuery('select pg_terminate_backend($1)', [before]);
    // A change made while the connection is gone: its notification reaches no one on B.
    await saveOnA(id, 'Recount Ordered In Two Regions', 'recount-ordered');
    await visibleOnB(url, (body) => body.includes('Recount Ordered In Two Regions'));
    await vi.waitFor(async () => expect(await listenerPid(b)).not.toBeNull(), { timeout: 5_000 });
    expect(await listenerPid(b)).not.toBe(before);
    // And the new connection hears the next change.
    await saveOnA(id, 'Recount Ordered In Three Regions', 'recount-ordered');
    await visibleOnB(url, (body) => body.includes('Recount Ordered In Three Regions'));
  });

  it('a node cut off from the database reads what it missed as soon as it is back, not at its next poll', async () => {
    const server = new URL(POSTGRES_URL);
    proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    c = await node(throughProxy(POSTGRES_URL, proxy));
    const id = await givenPublishedStory(a.actions, { headline: 'Border Reopens', slug: 'border-reopens' });
    const url = `/en/a/border-reopens/${id}`;
    await vi.waitFor(async () => expect(await listenerPid(c!)).not.toBeNull(), { timeout: 5_000 });
    await c.relay.pollOnce();
    await cachedOn(c, url);

    await proxy.cut();
    await saveOnA(id, 'Border Reopens For Trucks', 'border-reopens');
    await delay(300);
    // Cut off, C still serves the page it had.
    expect((await c.app.inject({ method: 'GET', url })).body).not.toContain('Border Reopens For Trucks');

    await proxy.restore();
    // Back within the listener's backoff (under a second after so short a cut), far before the 30 s poll.
    await visibleOn(c, url, (body) => body.includes('Border Reopens For Trucks'), 3_000);
  });

  it('a node that died between its commit and the notification: the others still purge, from the event log', async () => {
    // A node of its own, whose 30 s poll cannot come round during the test: only a wake-up can bring the change.
    e = await node();
    const id = await givenPublishedStory(a.actions, { headline: 'Dam Holds', slug: 'dam-holds' });
    const url = `/en/a/dam-holds/${id}`;
    await e.relay.pollOnce();
    await cachedOn(e, url);
    // Node D's commit is logged with the change but announced to no one (the notifying trigger is
    // off meanwhile), as when a node is killed after COMMIT and before anyone could hear of it.
    d = await node();
    const eventLog = `"${database.schema ?? 'public'}".event_log`;
    await adminQuery(`alter table ${eventLog} disable trigger event_log_notify`, []);
    await saveOnA(id, 'Dam Holds After Storm', 'dam-holds', d);
    await adminQuery(`alter table ${eventLog} enable trigger event_log_notify`, []);
    await d.app.close();
    await d.store.close();
    d = undefined;
    await delay(300);
    expect((await e.app.inject({ method: 'GET', url })).body).not.toContain('Dam Holds After Storm');
    // The next change anyone announces wakes E, which reads the log from where it was: the dead node's change too.
    await givenPublishedStory(a.actions, { headline: 'Unrelated Story', slug: 'unrelated-story' });
    await visibleOn(e, url, (body) => body.includes('Dam Holds After Storm'));
  });

  it('queues a webhook delivery once, on the node that committed the event, not again where it is relayed', async () => {
    const endpoint = await a.store.transaction((repos) =>
      repos.webhooks.insertEndpoint({ serviceCode: 'en', url: 'https://partner.example/hooks', events: ['story.published'], secret: newWebhookSecret(), createdBy: null }, new Date()),
    );
    await givenPublishedStory(a.actions, { headline: 'Webhook Once', slug: 'webhook-once' });
    // A's listener queues after the commit; B hears the same event from the log.
    const start = Date.now();
    while ((await a.store.read.webhooks.listDeliveries(endpoint.id, 10, 0)).length === 0) {
      if (Date.now() - start > VISIBLE_WITHIN_MS) throw new Error('no delivery queued on node A');
      await delay(20);
    }
    await heardOnB();
    // B's listeners have had time to act on what it heard (a second queuing would show here).
    await delay(300);
    const deliveries = await b.store.read.webhooks.listDeliveries(endpoint.id, 10, 0);
    expect(deliveries.map((d) => d.event)).toEqual(['story.published']);
  });
});
