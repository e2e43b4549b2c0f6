import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenService } from '../support/factories.js';
import { givenUser, PASSWORD } from '../support/newsroom.js';

const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

describe.each(STORE_KINDS)('the newsroom pages on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions);
    await givenUser(t.actions, 'reporter', [{ role: 'reporter', serviceCode: 'en' }], { withPassword: true });
  });
  afterAll(async () => t.close());

  /** Posts the sign-in form as a browser would: with the token and cookie of the sign-in page. */
  const postSignIn = async (password: string) => {
    const page = await t.app.inject({ method: 'GET', url: '/newsroom/sign-in' });
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const cookie = String(page.headers['set-cookie']).split(';')[0] ?? '';
    const { headers, payload } = form({ _csrf: token, email: 'reporter@example.org', password });
    return t.app.inject({ method: 'POST', url: '/newsroom/sign-in', headers: { ...headers, cookie }, payload });
  };

  const signIn = async () => {
    const response = await postSignIn(PASSWORD);
    expect(response.statusCode).toBe(303);
    const cookie = String(response.headers['set-cookie']).split(';')[0] ?? '';
    const list = await t.app.inject({ method: 'GET', url: '/newsroom/stories', headers: { cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(list.body)?.[1] ?? '';
    return { cookie, csrf };
  };

  it('sends the signed-out to the sign-in page, from every page', async () => {
    for (const url of ['/newsroom/stories', '/newsroom/stories/new', '/newsroom/stories/1']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(303);
      expect(response.headers.location).toBe('/newsroom/sign-in');
    }
    const page = await t.app.inject({ method: 'GET', url: '/newsroom/sign-in' });
    expect(page.body).toContain('<label for="password">Password</label>');
  });

  it('refuses a sign-in form posted from elsewhere (no token of our sign-in page), signing no one in', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/newsroom/sign-in', ...form({ email: 'reporter@example.org', password: PASSWORD }) });
    expect(response.statusCode).toBe(403);
    expect(String(response.headers['set-cookie'])).not.toContain('dateline_session');
  });

  it('says so when the password is wrong', async () => {
    const response = await postSignIn('wrong password!!');
    expect(response.statusCode).toBe(401);
    expect(response.body).toContain('The email or password is not right.');
  });

  it('lets a reporter write a story with a subheading and file it, but offers no publishing and refuses it', async () => {
    const { cookie, csrf } = await signIn();
    const created = await t.app.inject({
      method: 'POST',
      url: '/newsroom/stories',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, serviceCode: 'en', headline: 'Flood <b>Waters</b> Rise', body: 'First paragraph.\n\n## What Next\n\nSecond paragraph.', version: '1' }).toString(),
    });
    expect(created.statusCode).toBe(303);
    // The story's page, with the notice of what was done in its status region.
    expect(String(created.headers.location)).toMatch(/^\/newsroom\/stories\/\d+\?done=created$/);
    const url = String(created.headers.location).replace(/\?.*$/, '');
    const page = await t.app.inject({ method: 'GET', url: String(created.headers.location), headers: { cookie } });
    expect(page.body).toMatch(/<p id="newsroom-notice"[^>]*role="status"[^>]*>Story created\.<\/p>/);
    expect(page.body).toContain('value="Flood &lt;b>Waters&lt;/b> Rise"');
    expect(page.body).toContain('## What Next');
    expect(page.body).toContain('File for review');
    expect(page.body).not.toContain('Publish now');
    const id = Number(url.split('/').pop());
    const filed = await t.app.inject({ method: 'POST', url: `${url}/file`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(csrf)}` });
    expect(filed.statusCode).toBe(303);
    const publish = await t.app.inject({ method: 'POST', url: `${url}/publish`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(csrf)}` });
    expect(publish.statusCode).toBe(403);
    expect((await t.store.read.stories.findById(id))?.status).toBe('filed');
  });

  it('refuses a form without the CSRF token and changes nothing', async () => {
    const { cookie } = await signIn();
    const before = (await t.store.read.stories.listForNewsroom({ serviceCodes: null, limit: 1, offset: 0 })).total;
    const response = await t.app.inject({
      method: 'POST',
      url: '/newsroom/stories',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ serviceCode: 'en', headline: 'Forged' }).toString(),
    });
    expect(response.statusCode).toBe(403);
    expect((await t.store.read.stories.listForNewsroom({ serviceCodes: null, limit: 1, offset: 0 })).total).toBe(before);
  });
});
