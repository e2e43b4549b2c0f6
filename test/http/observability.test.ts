import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { storyPath } from '../../src/domain/story/story-path.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { givenPublishedStory, givenService } from '../support/factories.js';

type Line = Record<string, unknown> & { msg?: string; reqId?: string };

/** The app on SQLite (nothing here differs between the stores), logging into a list. */
describe('logs and metrics', () => {
  let t: TestApp;
  const lines: Line[] = [];
  let storyUrl: string;
  beforeAll(async () => {
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as Line) });
    t = await startTestApp('sqlite', { demo: false, logger });
    await givenService(t.actions);
    const id = await givenPublishedStory(t.actions);
    storyUrl = storyPath((await t.store.read.stories.findById(id))!);
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => {
    lines.length = 0;
  });
  const requestLines = () => lines.filter((line) => line.msg === 'request' && line.route !== '/metrics');
  const hits = async () => {
    const text = (await t.app.inject('/metrics')).body;
    return Number(/^dateline_page_cache_hits_total (\d+)$/m.exec(text)?.[1]);
  };

  it('logs one line per routed request: method, route pattern, status, time and request id', async () => {
    const response = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'ignored' } });
    expect(response.statusCode).toBe(200);
    const [line, ...more] = requestLines();
    expect(more).toEqual([]);
    expect(line).toMatchObject({ level: 30, method: 'GET', route: '/healthz', status: 200 });
    expect(typeof line?.ms).toBe('number');
    expect(line?.reqId).toEqual(expect.any(String));
  });

  it('groups pages by route pattern, and answers cached pages before routing: counted in /metrics, not logged', async () => {
    // Through a real socket: the cache in front of the router is part of the HTTP server.
    const origin = await listen(t.app);
    const before = await hits();
    expect((await fetch(origin + storyUrl)).headers.get('x-cache')).toBe('MISS');
    expect(requestLines()).toMatchObject([{ route: '/:service/a/:slug/:id', status: 200 }]);
    lines.length = 0;
    expect((await fetch(origin + storyUrl)).headers.get('x-cache')).toBe('HIT');
    expect((await fetch(origin + storyUrl, { headers: { 'if-none-match': 'W/"nothing"' } })).headers.get('x-cache')).toBe('HIT');
    expect(requestLines()).toEqual([]);
    expect(await hits()).toBe(before + 2);
    const metrics = await t.app.inject('/metrics');
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.body).toContain('# TYPE dateline_page_cache_hits_total counter');
  });

  it("logs a refusal's code and private context with the request, and never shows the context", async () => {
    const response = await t.app.inject('/en/a/no-such-story/987654');
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('987654</');
    expect(response.body).not.toContain('storyId');
    expect(requestLines()).toMatchObject([{ status: 404, error: { code: 'STORY_NOT_FOUND', context: { storyId: 987654 } } }]);
  });

  it('logs one line per job run: its type, id, outcome and duration', async () => {
    const job = await t.store.transaction((repos) => repos.jobs.enqueue({ type: 'no.such.job', payload: {} }, t.clock.now()));
    const [worker] = t.workers.workers;
    expect(await worker!.runOnce()).toBe('failed');
    const jobLines = lines.filter((line) => line.msg === 'job');
    expect(jobLines).toMatchObject([{ level: 30, job: { id: job.id, type: 'no.such.job' }, outcome: 'failed' }]);
    expect(typeof jobLines[0]?.ms).toBe('number');
  });
});
