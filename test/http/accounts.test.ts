import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenService } from '../support/factories.js';
import { API, givenUser, PASSWORD, signInAs } from '../support/newsroom.js';

const DAY = 24 * 60 * 60_000;

describe.each(STORE_KINDS)('personal tokens and disabled accounts on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof givenUser>>;
  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions);
    admin = await givenUser(t.actions, 'admin', [{ role: 'admin', serviceCode: null }], { withPassword: true });
  });
  afterAll(async () => t.close());

  const tokenRows = async (userId: number) => t.store.read.sessions.listTokens(userId, 100);
  const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: `${API}/session`, headers });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  let people = 0;
  const givenPerson = async () => givenUser(t.actions, `person${++people}`, [{ role: 'reporter', serviceCode: 'en' }], { withPassword: true });

  it('lets a person make, list and revoke their own tokens; a revoked token is refused at once', async () => {
    const person = await givenPerson();
    const session = await signInAs(t, person.email);
    const made = await t.app.inject({ method: 'POST', url: `${API}/tokens`, headers: session.headers, payload: { label: 'nightly export', expiresInDays: 30 } });
    expect(made.statusCode).toBe(201);
    const { token, item } = made.json() as { token: string; item: { id: number; expiresAt: string; lastUsedAt: null } };
    expect(token).toMatch(/^dl_/);
    expect(item).toMatchObject({ label: 'nightly export', userId: person.id, lastUsedAt: null, expiresAt: new Date(t.clock.now().getTime() + 30 * DAY).toISOString() });

    t.clock.advance(5 * 60_000);
    expect((await me(bearer(token))).statusCode).toBe(200);
    const listed = (await t.app.inject({ method: 'GET', url: `${API}/tokens`, headers: session.headers })).json() as { items: { id: number; label: string; lastUsedAt: string | null }[] };
    expect(listed.items.map((i) => i.label)).toEqual(['nightly export', 'personal token']);
    expect(listed.items[0]?.lastUsedAt).toBe(t.clock.now().toISOString());
    expect(JSON.stringify(listed)).not.toContain(token);

    const revoked = await t.app.inject({ method: 'DELETE', url: `${API}/tokens/${item.id}`, headers: session.headers });
    expect(revoked.statusCode).toBe(200);
    const refused = await me(bearer(token));
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('TOKEN_INVALID');
    expect((await tokenRows(person.id)).map((r) => r.label)).toEqual(['personal token']);
  });

  it('refuses a token once it has expired', async () => {
    const person = await givenPerson();
    const session = await signInAs(t, person.email);
    const { token } = (await t.app.inject({ method: 'POST', url: `${API}/tokens`, headers: session.headers, payload: { label: 'short', expiresInDays: 1 } })).json() as { token: string };
    expect((await me(bearer(token))).statusCode).toBe(200);
    t.clock.advance(DAY);
    expect((await me(bearer(token))).statusCode).toBe(401);
  });

  it('refuses bad token requests with 400 and makes nothing; a bearer token cannot make another', async () => {
    const person = await givenPerson();
    const session = await signInAs(t, person.email);
    const ids = async () => (await tokenRows(person.id)).map((r) => r.id);
    const before = await ids();
    for (const payload of [{ expiresInDays: 0 }, { expiresInDays: 731 }, { expiresInDays: 1.5 }, { label: 'tab\u0007bell' }, { label: 'x', colour: 'red' }]) {
      const response = await t.app.inject({ method: 'POST', url: `${API}/tokens`, headers: session.headers, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const minted = await t.app.inject({ method: 'POST', url: `${API}/tokens`, headers: person.bearer, payload: { label: 'child' } });
    expect(minted.statusCode).toBe(403);
    expect(minted.json().error.code).toBe('TOKEN_FROM_TOKEN');
    expect(await ids()).toEqual(before);
  });

  it("keeps other people's tokens from everyone but admins", async () => {
    const owner = await givenPerson();
    const other = await givenPerson();
    const [ownersToken] = await tokenRows(owner.id);
    const list = await t.app.inject({ method: 'GET', url: `${API}/tokens?user=${owner.id}`, headers: other.bearer });
    expect(list.statusCode).toBe(403);
    const revoke = await t.app.inject({ method: 'DELETE', url: `${API}/tokens/${ownersToken!.id}`, headers: other.bearer });
    expect(revoke.statusCode).toBe(403);
    expect(await tokenRows(owner.id)).toHaveLength(1);
    expect((await me(owner.bearer)).statusCode).toBe(200);

    const adminList = (await t.app.inject({ method: 'GET', url: `${API}/tokens?user=${owner.id}`, headers: admin.bearer })).json() as { items: { id: number }[] };
    expect(adminList.items.map((i) => i.id)).toEqual([ownersToken!.id]);
    expect((await t.app.inject({ method: 'DELETE', url: `${API}/tokens/${ownersToken!.id}`, headers: admin.bearer })).statusCode).toBe(200);
    expect((await me(owner.bearer)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'DELETE', url: `${API}/tokens/${ownersToken!.id}`, headers: admin.bearer })).statusCode).toBe(404);
  });

  it('disables an account: its sessions and tokens end at once and it cannot sign in; enabling lets it sign in again', async () => {
    const person = await givenPerson();
    const session = await signInAs(t, person.email);
    expect((await me(session.headers)).statusCode).toBe(200);

    const notAdmin = await t.app.inject({ method: 'POST', url: `${API}/users/${person.id}/disable`, headers: (await givenPerson()).bearer });
    expect(notAdmin.statusCode).toBe(403);
    expect((await t.store.read.users.findById(person.id))?.state).toBe('active');

    const disabled = await t.app.inject({ method: 'POST', url: `${API}/users/${person.id}/disable`, headers: admin.bearer });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ user: { id: person.id, state: 'disabled' }, sessions: 1, tokens: 1 });
    expect((await me(session.headers)).statusCode).toBe(401);
    expect((await me(person.bearer)).statusCode).toBe(401);
    expect(await t.store.read.sessions.deleteUserSessions(person.id)).toBe(0);
    expect(await tokenRows(person.id)).toEqual([]);
    const signIn = await t.app.inject({ method: 'POST', url: `${API}/session`, payload: { email: person.email, password: PASSWORD }, remoteAddress: '10.20.0.1' });
    expect(signIn.statusCode).toBe(401);

    const enabled = await t.app.inject({ method: 'POST', url: `${API}/users/${person.id}/enable`, headers: admin.bearer });
    expect(enabled.json()).toMatchObject({ id: person.id, state: 'active' });
    expect((await me(person.bearer)).statusCode).toBe(401);
    expect((await signInAs(t, person.email)).csrfToken).toBeTruthy();
  });

  it('does not let an admin disable their own account, nor an unknown one', async () => {
    const self = await t.app.inject({ method: 'POST', url: `${API}/users/${admin.id}/disable`, headers: admin.bearer });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('USER_SELF_DISABLE');
    expect((await t.store.read.users.findById(admin.id))?.state).toBe('active');
    expect((await t.app.inject({ method: 'POST', url: `${API}/users/999999/disable`, headers: admin.bearer })).statusCode).toBe(404);
  });

  describe('in the newsroom', () => {
    const post = (url: string, cookie: string, form: Record<string, string>) =>
      t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() });

    it('shows your tokens, makes one (its secret shown once) and revokes it', async () => {
      const person = await givenPerson();
      const session = await signInAs(t, person.email);
      const page = await t.app.inject({ method: 'GET', url: '/newsroom/account', headers: { cookie: session.cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('personal token');

      const withoutCsrf = await post('/newsroom/account/tokens', session.cookie, { label: 'laptop', expiresInDays: '7' });
      expect(withoutCsrf.statusCode).toBe(403);
      expect(await tokenRows(person.id)).toHaveLength(1);

      const made = await post('/newsroom/account/tokens', session.cookie, { _csrf: session.csrfToken, label: 'laptop', expiresInDays: '7' });
      expect(made.statusCode).toBe(200);
      const secret = /<code>(dl_[\w-]+)<\/code>/.exec(made.body)?.[1] ?? '';
      expect((await me(bearer(secret))).statusCode).toBe(200);
      const again = await t.app.inject({ method: 'GET', url: '/newsroom/account', headers: { cookie: session.cookie } });
      expect(again.body).toContain('laptop');
      expect(again.body).not.toContain(secret);

      const laptop = (await tokenRows(person.id)).find((r) => r.label === 'laptop');
      expect(laptop?.expiresAt?.getTime()).toBe(t.clock.now().getTime() + 7 * DAY);
      const revoked = await post(`/newsroom/tokens/${laptop!.id}/revoke`, session.cookie, { _csrf: session.csrfToken });
      expect(revoked.statusCode).toBe(303);
      expect(revoked.headers.location).toBe('/newsroom/account');
      expect((await me(bearer(secret))).statusCode).toBe(401);
    });

    it('lets an admin disable an account from its page, ending its sessions', async () => {
      const person = await givenPerson();
      const theirs = await signInAs(t, person.email);
      const adminSession = await signInAs(t, admin.email);
      const list = await t.app.inject({ method: 'GET', url: '/newsroom/users', headers: { cookie: adminSession.cookie } });
      expect(list.body).toContain(`href="/newsroom/users/${person.id}"`);
      const page = await t.app.inject({ method: 'GET', url: `/newsroom/users/${person.id}`, headers: { cookie: adminSession.cookie } });
      expect(page.body).toContain(`action="/newsroom/users/${person.id}/disable"`);
      const done = await post(`/newsroom/users/${person.id}/disable`, adminSession.cookie, { _csrf: adminSession.csrfToken });
      expect(done.statusCode).toBe(303);
      expect((await me(theirs.headers)).statusCode).toBe(401);
      const forbidden = await post(`/newsroom/users/${admin.id}/disable`, theirs.cookie, { _csrf: theirs.csrfToken });
      expect(forbidden.statusCode).toBe(303);
      expect(forbidden.headers.location).toBe('/newsroom/sign-in');
    });
  });
});
