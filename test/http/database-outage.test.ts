import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheKey } from '../../src/actions/reader/page-result.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { POSTGRES_URL } from '../support/databases.js';
import { givenPublishedStory, givenService, storyInput } from '../support/factories.js';
import { API, givenUser, signInAs } from '../support/newsroom.js';
import { runNuChecker } from '../support/nu-checker.js';
import { startTcpProxy, throughProxy, type TcpProxy } from '../support/tcp-proxy.js';

/** The database's own words must not reach a stranger: they name hosts, ports, users. */
const INTERNALS = /ECONNREFUSED|ECONNRESET|127\.0\.0\.1|5432|Connection terminated|postgres|\bat \w+ \(/i;

// PostgreSQL only: a SQLite file does not go away while the process runs.
describe('the app on PostgreSQL while its database is away (a restart, a failover)', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  let editor: Awaited<ReturnType<typeof givenUser>>;
  let cachedPath: string;
  let storyId: number;
  beforeAll(async () => {
    const server = new URL(POSTGRES_URL);
    proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    t = await startTestApp('postgres', { demo: false, env: { DATABASE_URL: throughProxy(POSTGRES_URL, proxy) } });
    await givenService(t.actions);
    editor = await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
    storyId = await givenPublishedStory(t.actions, { headline: 'Budget Passes', slug: 'budget-passes' });
    cachedPath = `/en/a/budget-passes/${storyId}`;
  });
  afterAll(async () => {
    await proxy.restore();
    await t.close();
    await proxy.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const save = (headline: string, version: number) =>
    t.app.inject({ method: 'PUT', url: `${API}/stories/${storyId}`, headers: editor.bearer, payload: { ...storyInput({ headline, slug: 'budget-passes' }), version } });

  it('answers 503 with Retry-After and no detail, keeps serving cached pages, and recovers by itself', { timeout: 60_000 }, async () => {
    const session = await signInAs(t, editor.email);
    expect((await get(cachedPath)).statusCode).toBe(200);
    expect((await get(cachedPath)).headers['x-cache']).toBe('HIT');
    expect((await get('/readyz')).statusCode).toBe(200);

    await proxy.cut();

    // The page cache still serves what it has.
    const cached = await get(cachedPath);
    expect(cached.statusCode).toBe(200);
    expect(cached.body).toContain('Budget Passes');

    // A reader page that needs the database: a clean page in the service's masthead.
    const search = await get('/en/search?q=budget');
    expect(search.statusCode).toBe(503);
    expect(search.headers['retry-after']).toBe('5');
    expect(search.headers['cache-control']).toBe('no-store');
    expect(search.headers['content-type']).toMatch(/^text\/html/);
    expect(search.body).toContain('This page cannot be shown right now');
    expect(search.body).toContain('Service en');
    expect(search.body).not.toMatch(INTERNALS);
    const comments = await get(`/en/a/budget-passes/${storyId}/comments`);
    expect(comments.statusCode).toBe(503);
    expect(comments.headers['retry-after']).toBe('5');

    // The Admin API: JSON with a stable code, nothing written.
    const list = await get(`${API}/stories`, editor.bearer);
    expect(list.statusCode).toBe(503);
    expect(list.headers['retry-after']).toBe('5');
    expect(list.json()).toEqual({ error: { code: 'DATABASE_UNAVAILABLE', message: expect.any(String), field: null } });
    expect(list.body).not.toMatch(INTERNALS);
    const refused = await save('Written While Away', 1);
    expect(refused.statusCode).toBe(503);

    // The newsroom page says so too, and readiness says not ready without saying why.
    const newsroom = await get('/newsroom/stories', { cookie: session.cookie });
    expect(newsroom.statusCode).toBe(503);
    expect(newsroom.headers['retry-after']).toBe('5');
    expect(newsroom.body).not.toMatch(INTERNALS);
    const ready = await get('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'not-ready', reason: 'database-unavailable' });

    // The pages are valid HTML, with and without a masthead in memory.
    const dir = fs.mkdtempSync(path.join(t.mediaDir, 'pages-'));
    fs.writeFileSync(path.join(dir, 'unavailable.html'), search.body);
    // A process that has no masthead in memory (all forgotten, as after a services change) answers a bare page.
    t.actions.mastheadCache?.purge([cacheKey.services()]);
    const bare = await get('/en/search?q=budget');
    expect(bare.statusCode).toBe(503);
    expect(bare.headers['retry-after']).toBe('5');
    expect(bare.body).toContain('<html lang="en" dir="ltr">');
    expect(bare.body).toContain('This page cannot be shown right now');
    expect(bare.body).not.toContain('Service en');
    fs.writeFileSync(path.join(dir, 'unavailable-bare.html'), bare.body);
    expect(await runNuChecker([path.join(dir, 'unavailable.html'), path.join(dir, 'unavailable-bare.html')])).toEqual([]);

    await proxy.restore();

    // Back within seconds, with nothing to restart.
    const deadline = Date.now() + 15_000;
    while ((await get('/readyz')).statusCode !== 200) {
      if (Date.now() > deadline) throw new Error('the app did not see its database come back within 15 s');
      await delay(100);
    }
    expect((await get('/en/search?q=budget')).statusCode).toBe(200);
    expect((await get(`${API}/stories`, editor.bearer)).statusCode).toBe(200);
    const saved = await save('Written After', 1);
    expect(saved.statusCode).toBe(200);
    // The story is live: the save is its pending version.
    expect(saved.json()).toMatchObject({ version: 2, pending: { story: { headline: 'Written After' } } });
  });
});
