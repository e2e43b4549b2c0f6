import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory } from '../../src/actions/stories/create-story.js';
import { newWebhookSecret } from '../../src/actions/webhooks/signature.js';
import { composeApp } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { givenPublishedStory, givenService, storyInput, SYSTEM } from '../support/factories.js';
import { API, givenUser } from '../support/newsroom.js';

type Node = Awaited<ReturnType<typeof composeApp>>;

/** How long a change on one node may take to show on another (the product's bar is a second). */
const VISIBLE_WITHIN_MS = 2_000;

/** Two app nodes sharing one PostgreSQL database, as behind a load balancer: each with its own page cache. */
describe('two app nodes on one PostgreSQL database', () => {
  let database: TestDatabase;
  let a: Node;
  let b: Node;
  let editor: Awaited<ReturnType<typeof givenUser>>;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const node = () => {
      const config = loadConfig({
        DATABASE_URL: database.config.kind === 'postgres' ? database.config.url : '',
        MEDIA_DIR: path.join(database.dir, 'media'),
        ORIGINALS_DIR: path.join(database.dir, 'originals'),
        UPLOADS_DIR: path.join(database.dir, 'uploads'),
        SECRET_FILE: path.join(database.dir, 'secret'),
        DEMO: 'false',
        WORKERS: '0',
        LOG_LEVEL: 'silent',
      });
      // The nodes' own clocks and their own way of hearing about each other's changes.
      return composeApp(config, { schema: database.schema ?? '' });
    };
    fs.mkdirSync(path.join(database.dir, 'media'), { recursive: true });
    a = await node();
    b = await node();
    await givenService(a.actions);
    editor = await givenUser(a.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }]);
  });
  afterAll(async () => {
    for (const node of [a, b]) {
      await node?.app.close();
      await node?.store.close();
    }
    await database?.cleanup();
  });

  /** Node B has read every change node A made so far (as its relay would within a second). */
  async function heardOnB(): Promise<void> {
    await b.relay.pollOnce();
  }

  /** Polls node B until `check` holds, failing after VISIBLE_WITHIN_MS; returns how long it took. */
  async function visibleOnB(url: string, check: (body: string) => boolean): Promise<number> {
    const start = Date.now();
    for (;;) {
      const response = await b.app.inject({ method: 'GET', url });
      if (response.statusCode === 200 && check(response.body)) return Date.now() - start;
      if (Date.now() - start > VISIBLE_WITHIN_MS) throw new Error(`not visible on node B within ${VISIBLE_WITHIN_MS} ms: ${url}`);
      await delay(20);
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
