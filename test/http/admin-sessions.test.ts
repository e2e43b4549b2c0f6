import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THROTTLE } from '../../src/domain/user/throttle.js';
import { sessionCookie } from '../../src/web/plugins/cookies.js';
import { guardRoutes } from '../../src/web/shared/route-permission.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenService, storyInput } from '../support/factories.js';
import { API, givenUser, PASSWORD, signInAs } from '../support/newsroom.js';

describe.each(STORE_KINDS)('sign-in and sessions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions);
    await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
    await givenUser(t.actions, 'victim', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
  });
  afterAll(async () => t.close());

  const signIn = (email: string, password: string, address = '10.0.0.1') =>
    t.app.inject({ method: 'POST', url: `${API}/session`, payload: { email, password }, remoteAddress: address });
  const storyCount = async () => (await t.store.read.stories.listForNewsroom({ serviceCodes: null, limit: 1, offset: 0 })).total;

  it('refuses a wrong password without saying whether the account exists', async () => {
    const wrong = await signIn('editor@example.org', 'not the password at all', '10.0.0.2');
    const nobody = await signIn('nobody@example.org', 'not the password at all', '10.0.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(nobody.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('SIGN_IN_FAILED');
    expect(nobody.json()).toEqual(wrong.json());
  });

  it('locks an account after repeated failures, even for the right password, until the lock passes', async () => {
    for (let i = 0; i < THROTTLE.maxPerAccount; i++) {
      expect((await signIn('victim@example.org', 'guess number one', `10.1.0.${i}`)).statusCode).toBe(401);
    }
    const locked = await signIn('victim@example.org', PASSWORD, '10.1.1.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('SIGN_IN_LOCKED');
    t.clock.advance(THROTTLE.lockMs + 1);
    expect((await signIn('victim@example.org', PASSWORD, '10.1.1.1')).statusCode).toBe(200);
  });

  it('locks an address that tries many accounts', async () => {
    for (let i = 0; i < THROTTLE.maxPerAddress; i++) await signIn(`someone${i}@example.org`, 'guess number one', '10.2.0.1');
    expect((await signIn('editor@example.org', PASSWORD, '10.2.0.1')).statusCode).toBe(429);
    expect((await signIn('editor@example.org', PASSWORD, '10.2.0.2')).statusCode).toBe(200);
  });

  it('counts the connecting address, not one a client claims in X-Forwarded-For (no TRUST_PROXY set)', async () => {
    const claiming = (email: string, password: string, claimed: string) =>
      t.app.inject({ method: 'POST', url: `${API}/session`, payload: { email, password }, remoteAddress: '10.3.0.1', headers: { 'x-forwarded-for': claimed } });
    for (let i = 0; i < THROTTLE.maxPerAddress; i++) await claiming(`someone${i}@example.org`, 'guess number one', `192.0.2.${i}`);
    expect((await claiming('editor@example.org', PASSWORD, '198.51.100.7')).statusCode).toBe(429);
  });

  it('refuses a write with a wrong CSRF token and changes nothing', async () => {
    const session = await signInAs(t, 'editor@example.org');
    const before = await storyCount();
    const response = await t.app.inject({
      method: 'POST',
      url: `${API}/stories`,
      headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(session.csrfToken.length) },
      payload: storyInput(),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_INVALID');
    expect(await storyCount()).toBe(before);
  });

  it('refuses an expired session with 401 and changes nothing', async () => {
    const session = await signInAs(t, 'editor@example.org');
    t.clock.advance(13 * 60 * 60_000);
    const before = await storyCount();
    const response = await t.app.inject({ method: 'POST', url: `${API}/stories`, headers: session.headers, payload: storyInput() });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('SIGN_IN_REQUIRED');
    expect(await storyCount()).toBe(before);
  });

  it('signs out one session, and everywhere', async () => {
    const one = await signInAs(t, 'editor@example.org');
    const two = await signInAs(t, 'editor@example.org');
    const three = await signInAs(t, 'editor@example.org');
    const out = await t.app.inject({ method: 'DELETE', url: `${API}/session`, headers: one.headers });
    expect(out.headers['set-cookie']).toMatch(/Max-Age=0/);
    expect((await t.app.inject({ method: 'GET', url: `${API}/session`, headers: one.headers })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `${API}/session`, headers: two.headers })).statusCode).toBe(200);
    const everywhere = await t.app.inject({ method: 'POST', url: `${API}/session/sign-out-everywhere`, headers: two.headers });
    expect(everywhere.json().ended).toBeGreaterThanOrEqual(2);
    expect((await t.app.inject({ method: 'GET', url: `${API}/session`, headers: three.headers })).statusCode).toBe(401);
  });

  it('stores sessions and tokens only as hashes', async () => {
    const session = await signInAs(t, 'editor@example.org');
    const token = session.cookie.split('=')[1] ?? '';
    const user = await givenUser(t.actions, 'scripter', [{ role: 'reporter', serviceCode: 'en' }]);
    expect(await t.store.read.sessions.findSession(token)).toBeUndefined();
    expect(await t.store.read.sessions.findTokenUser(user.token)).toBeUndefined();
  });
});

describe('session cookie and route guard', () => {
  it('marks the cookie Secure only for an https site', () => {
    expect(sessionCookie('abc', { secure: true, maxAgeSeconds: 60 })).toMatch(/; Secure$/);
    expect(sessionCookie('abc', { secure: false, maxAgeSeconds: 60 })).not.toMatch(/Secure/);
  });

  it('refuses to boot when a route declares no permission', async () => {
    const app = Fastify();
    void app.register(async (surface) => {
      guardRoutes(surface);
      surface.get('/forgotten', async () => ({ ok: true }));
    });
    await expect(app.ready()).rejects.toThrow(/declares no permission/);
  });
});
