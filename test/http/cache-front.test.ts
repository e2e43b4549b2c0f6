import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../src/actions/alerts/create-alert.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { SYSTEM } from '../support/factories.js';

const STORY = '/en/a/kyrgyz-president-wont-back-down-as-opposition-claims-power/1';
const VOLATILE = new Set(['date', 'x-cache', 'connection', 'keep-alive', 'transfer-encoding']);

/** Cache hits are answered before routing; over the network they must look exactly like the router's answers. */
describe('the cache in front of the router', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    base = await listen(t.app);
  });
  afterAll(async () => t.close());

  const headersOf = (response: Response) =>
    Object.fromEntries([...response.headers].filter(([name]) => !VOLATILE.has(name)));

  it('answers a hit with the same status, headers and body as the miss', async () => {
    const miss = await fetch(base + STORY, { headers: { 'accept-encoding': 'identity' } });
    const hit = await fetch(base + STORY, { headers: { 'accept-encoding': 'identity' } });
    expect(miss.headers.get('x-cache')).toBe('MISS');
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(headersOf(hit)).toEqual(headersOf(miss));
    expect(await hit.text()).toBe(await miss.text());
    expect(hit.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('answers If-None-Match with 304 and HEAD without a body', async () => {
    const first = await fetch(base + STORY);
    const etag = first.headers.get('etag') ?? '';
    const conditional = await fetch(base + STORY, { headers: { 'if-none-match': etag } });
    expect(conditional.status).toBe(304);
    const head = await fetch(base + STORY, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('x-cache')).toBe('HIT');
    expect(await head.text()).toBe('');
  });

  it('passes everything that is not a cached page through to the router', async () => {
    const post = await fetch(base + STORY, { method: 'POST' });
    expect(post.status).toBe(404);
    expect(post.headers.get('x-cache')).toBeNull();
    await fetch(`${base}/en/?page=2`);
    const unknownQuery = await fetch(`${base}/en/?utm_source=x`);
    expect(unknownQuery.status).toBe(200);
  });

  it('stops serving a page as soon as an event purges it', async () => {
    await fetch(`${base}/en/`);
    expect((await fetch(`${base}/en/`)).headers.get('x-cache')).toBe('HIT');
    await createAlert(t.actions, SYSTEM, { serviceCode: 'en', text: 'A new alert for the cache front', durationMinutes: 5 });
    const after = await fetch(`${base}/en/`);
    expect(after.headers.get('x-cache')).toBe('MISS');
    expect(await after.text()).toContain('A new alert for the cache front');
  });
});
