import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenService } from '../support/factories.js';
import { API, givenUser, signInAs } from '../support/newsroom.js';

const htmlOpening = (body: string) => /<html lang="([^"]+)" dir="([^"]+)"/.exec(body)?.slice(1);

describe.each(STORE_KINDS)("the newsroom in each person's language on %s", (kind) => {
  let t: TestApp;
  let people = 0;
  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions);
  });
  afterAll(async () => t.close());

  const givenEditor = async () => givenUser(t.actions, `editor${++people}`, [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
  const page = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers: { cookie: headers.cookie ?? '' } });

  it('speaks English left to right until a person chooses Persian, then Persian right to left on every page', async () => {
    const person = await givenEditor();
    const session = await signInAs(t, person.email);
    expect(htmlOpening((await page('/newsroom/stories', session.headers)).body)).toEqual(['en', 'ltr']);

    const saved = await t.app.inject({
      method: 'POST',
      url: '/newsroom/account/language',
      headers: { ...session.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(session.csrfToken)}&locale=fa`,
    });
    expect(saved.statusCode).toBe(303);

    for (const url of ['/newsroom/stories', '/newsroom/account', '/newsroom/stories/new', '/newsroom/profiles']) {
      const response = await page(url, session.headers);
      expect(response.statusCode, url).toBe(200);
      expect(htmlOpening(response.body), url).toEqual(['fa', 'rtl']);
    }
    const stories = (await page('/newsroom/stories', session.headers)).body;
    expect(stories).toContain('اتاق خبر');
    expect((await t.app.inject({ method: 'GET', url: `${API}/session`, headers: session.headers })).json().user.locale).toBe('fa');
  });

  it('takes the language through the Admin API, in Russian and Kyrgyz too', async () => {
    const person = await givenEditor();
    const session = await signInAs(t, person.email);
    for (const locale of ['ru', 'ky'] as const) {
      const response = await t.app.inject({ method: 'PUT', url: `${API}/session/locale`, headers: session.headers, payload: { locale } });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ id: person.id, locale });
      expect(htmlOpening((await page('/newsroom/stories', session.headers)).body)).toEqual([locale, 'ltr']);
    }
  });

  it('refuses a language the newsroom does not speak with 400 LOCALE_INVALID and keeps the one chosen', async () => {
    const person = await givenEditor();
    const session = await signInAs(t, person.email);
    await t.app.inject({ method: 'PUT', url: `${API}/session/locale`, headers: session.headers, payload: { locale: 'fa' } });
    for (const locale of ['de', 'EN', '', 'fa-IR', '<script>']) {
      const refused = await t.app.inject({ method: 'PUT', url: `${API}/session/locale`, headers: session.headers, payload: { locale } });
      expect(refused.statusCode, locale).toBe(400);
      expect(refused.json().error).toMatchObject({ code: 'LOCALE_INVALID', field: 'locale' });
    }
    const form = await t.app.inject({
      method: 'POST',
      url: '/newsroom/account/language',
      headers: { ...session.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(session.csrfToken)}&locale=xx`,
    });
    expect(form.statusCode).toBe(400);
    expect(htmlOpening(form.body)).toEqual(['fa', 'rtl']);
    expect((await t.store.read.users.findById(person.id))?.locale).toBe('fa');
    const unknown = await t.app.inject({ method: 'PUT', url: `${API}/session/locale`, headers: session.headers, payload: { locale: 'en', extra: 1 } });
    expect(unknown.statusCode).toBe(400);
    expect((await t.store.read.users.findById(person.id))?.locale).toBe('fa');
  });

  it('asks for a signed-in person: signed out, the language cannot be set', async () => {
    const response = await t.app.inject({ method: 'PUT', url: `${API}/session/locale`, payload: { locale: 'fa' } });
    expect(response.statusCode).toBe(401);
  });
});
