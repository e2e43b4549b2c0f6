import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../src/actions/alerts/create-alert.js';
import { createProfile } from '../../src/actions/profiles/create-profile.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenPublishedStory, givenService, SYSTEM } from '../support/factories.js';
import { givenUser, signInAs } from '../support/newsroom.js';

type Who = 'admin' | 'editor-en' | 'editor-ru' | 'reporter-en' | 'moderator-en' | 'signed-out';
const EVERYONE: readonly Who[] = ['admin', 'editor-en', 'editor-ru', 'reporter-en', 'moderator-en', 'signed-out'];
const SIGNED_IN: readonly Who[] = ['admin', 'editor-en', 'editor-ru', 'reporter-en', 'moderator-en'];
const EDITORS: readonly Who[] = ['admin', 'editor-en', 'editor-ru'];

interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

interface PageRoute {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly allowed: readonly Who[];
  /** A fresh target and the form to post, made as the system before each request. */
  readonly prepare?: (t: TestApp) => Promise<{ url?: string; form?: Record<string, string> }>;
}

let codes = 0;
const fresh = () => `x${'abcdefghijklmnopqrstuvwxyz'[Math.floor(codes / 26) % 26]}${'abcdefghijklmnopqrstuvwxyz'[codes++ % 26]}`;
const enProfile = async (t: TestApp) => (await createProfile(t.actions, SYSTEM, { kind: 'person', name: 'Roza Otunbaeva', serviceCode: 'en' })).id;

/** Every page of the newsroom's other editors, and who may use it; the rest are refused by the server. */
const ROUTES: readonly PageRoute[] = [
  { method: 'GET', url: '/newsroom/profiles', allowed: SIGNED_IN },
  { method: 'GET', url: '/newsroom/profiles/new', allowed: EDITORS },
  { method: 'POST', url: '/newsroom/profiles', allowed: ['admin', 'editor-en'], prepare: async () => ({ form: { kind: 'person', name: 'Bakiev', serviceCode: 'en' } }) },
  { method: 'GET', url: '/newsroom/profiles/{id}', allowed: ['admin', 'editor-en'], prepare: async (t) => ({ url: `/newsroom/profiles/${await enProfile(t)}` }) },
  {
    method: 'POST',
    url: '/newsroom/profiles/{id}',
    allowed: ['admin', 'editor-en'],
    prepare: async (t) => ({ url: `/newsroom/profiles/${await enProfile(t)}`, form: { kind: 'person', name: 'Roza Otunbayeva', serviceCode: 'en' } }),
  },
  { method: 'GET', url: '/newsroom/services', allowed: ['admin'] },
  { method: 'GET', url: '/newsroom/services/new', allowed: ['admin'] },
  {
    method: 'POST',
    url: '/newsroom/services',
    allowed: ['admin'],
    prepare: async () => ({ form: { code: fresh(), name: 'Service', locale: 'en', direction: 'ltr', outlet: 'RFE/RL', position: '5' } }),
  },
  { method: 'GET', url: '/newsroom/services/en', allowed: ['admin'] },
  { method: 'POST', url: '/newsroom/services/en', allowed: ['admin'], prepare: async () => ({ form: { name: 'Service en', locale: 'en', direction: 'ltr', outlet: 'RFE/RL' } }) },
  { method: 'GET', url: '/newsroom/sections', allowed: ['admin'] },
  { method: 'GET', url: '/newsroom/sections/new', allowed: ['admin'] },
  { method: 'POST', url: '/newsroom/sections', allowed: ['admin'], prepare: async () => ({ form: { serviceCode: 'en', name: 'Asia', slug: fresh() } }) },
  {
    method: 'GET',
    url: '/newsroom/sections/{id}',
    allowed: ['admin'],
    prepare: async (t) => ({ url: `/newsroom/sections/${(await t.store.read.services.listSections('en'))[0]!.id}` }),
  },
  {
    method: 'POST',
    url: '/newsroom/sections/{id}',
    allowed: ['admin'],
    prepare: async (t) => ({ url: `/newsroom/sections/${(await t.store.read.services.listSections('en'))[0]!.id}`, form: { name: 'News', slug: 'news' } }),
  },
  { method: 'GET', url: '/newsroom/alerts', allowed: EDITORS },
  { method: 'POST', url: '/newsroom/alerts', allowed: ['admin', 'editor-en'], prepare: async () => ({ form: { serviceCode: 'en', text: 'Polls close', durationMinutes: '30' } }) },
  {
    method: 'POST',
    url: '/newsroom/alerts/{id}/expire',
    allowed: ['admin', 'editor-en'],
    prepare: async (t) => {
      const alert = await createAlert(t.actions, SYSTEM, { serviceCode: 'en', text: 'Polls close', durationMinutes: 30 });
      return { url: `/newsroom/alerts/${alert.id}/expire`, form: { service: 'en' } };
    },
  },
  { method: 'GET', url: '/newsroom/audit', allowed: ['admin'] },
];

describe.each(STORE_KINDS)("the newsroom's other editors on %s", (kind) => {
  let t: TestApp;
  const sessions = new Map<Who, Session>();

  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions, 'en');
    await givenService(t.actions, 'ru');
    const people: [Who, { role: 'admin' | 'editor' | 'reporter' | 'moderator'; serviceCode: string | null }][] = [
      ['admin', { role: 'admin', serviceCode: null }],
      ['editor-en', { role: 'editor', serviceCode: 'en' }],
      ['editor-ru', { role: 'editor', serviceCode: 'ru' }],
      ['reporter-en', { role: 'reporter', serviceCode: 'en' }],
      ['moderator-en', { role: 'moderator', serviceCode: 'en' }],
    ];
    for (const [who, grant] of people) {
      await givenUser(t.actions, who, [grant], { withPassword: true });
      const session = await signInAs(t, `${who}@example.org`);
      sessions.set(who, { cookie: session.cookie, csrf: session.csrfToken });
    }
  });
  afterAll(async () => t.close());

  const send = async (who: Who, method: 'GET' | 'POST', url: string, form?: Record<string, string>) => {
    const session = sessions.get(who);
    return t.app.inject({
      method,
      url,
      headers: { ...(session ? { cookie: session.cookie } : {}), ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(method === 'POST' ? { payload: new URLSearchParams({ ...(session ? { _csrf: session.csrf } : {}), ...form }).toString() } : {}),
    });
  };

  for (const route of ROUTES) {
    it(`${route.method} ${route.url}: ${route.allowed.join(', ')} may; others are refused`, async () => {
      const outcomes: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const who of EVERYONE) {
        const prepared = (await route.prepare?.(t)) ?? {};
        const response = await send(who, route.method, prepared.url ?? route.url, prepared.form);
        outcomes[who] = response.statusCode;
        // Signed out: to the sign-in page. Allowed: the page, or 303 to the next one after a form.
        expected[who] = who === 'signed-out' ? 303 : route.allowed.includes(who) ? (route.method === 'GET' ? 200 : 303) : 403;
        if (who === 'signed-out') expect(response.headers.location).toBe('/newsroom/sign-in');
      }
      expect(outcomes).toEqual(expected);
    });
  }

  it('links in the navigation only the parts each role may use', async () => {
    const links = async (who: Who) => {
      const body = (await send(who, 'GET', '/newsroom/profiles')).body;
      const nav = /<nav aria-label="Newsroom sections"[^>]*>(.*?)<\/nav>/s.exec(body)?.[1] ?? '';
      return [...nav.matchAll(/href="\/newsroom\/([a-z]+)"/g)].map((m) => m[1]);
    };
    expect(await links('admin')).toEqual(['stories', 'front', 'media', 'profiles', 'alerts', 'comments', 'sections', 'services', 'users', 'distribution', 'audit']);
    expect(await links('editor-en')).toEqual(['stories', 'front', 'media', 'profiles', 'alerts', 'comments']);
    expect(await links('reporter-en')).toEqual(['stories', 'media', 'profiles']);
    expect(await links('moderator-en')).toEqual(['stories', 'profiles', 'comments']);
  });

  it('refuses a form without the CSRF token and changes nothing', async () => {
    const before = await t.store.read.profiles.search({ terms: [], limit: 50 });
    const session = sessions.get('admin')!;
    const response = await t.app.inject({
      method: 'POST',
      url: '/newsroom/profiles',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ kind: 'person', name: 'Forged' }).toString(),
    });
    expect(response.statusCode).toBe(403);
    expect(await t.store.read.profiles.search({ terms: [], limit: 50 })).toEqual(before);
  });

  it('shows bad input again with the reason, keeping what was typed, and stores nothing', async () => {
    const profilesBefore = await t.store.read.profiles.search({ terms: [], limit: 50 });
    const sectionsBefore = await t.store.read.services.listAllSections();
    const alertsBefore = await t.store.read.alerts.listForService('en', 100, 0);
    const servicesBefore = await t.store.read.services.list();

    const blankName = await send('admin', 'POST', '/newsroom/profiles', { kind: 'person', name: '  ', summary: 'Kept <text>' });
    expect(blankName.statusCode).toBe(400);
    expect(blankName.body).toContain('role="alert"');
    expect(blankName.body).toContain('Kept &lt;text>');

    const badSlug = await send('admin', 'POST', '/newsroom/sections', { serviceCode: 'en', name: 'Asia', slug: 'not a slug!' });
    expect(badSlug.statusCode).toBe(400);
    expect(badSlug.body).toContain('value="not a slug!"');
    const takenSlug = await send('admin', 'POST', '/newsroom/sections', { serviceCode: 'en', name: 'News again', slug: 'news' });
    expect(takenSlug.statusCode).toBe(400);
    const badPosition = await send('admin', 'POST', `/newsroom/sections/${sectionsBefore[0]!.id}`, { name: 'News', slug: 'news', position: 'first' });
    expect(badPosition.statusCode).toBe(400);

    const badService = await send('admin', 'POST', '/newsroom/services', { code: 'EN GLISH', name: 'English', locale: 'en', direction: 'ltr', outlet: 'RFE/RL' });
    expect(badService.statusCode).toBe(400);
    const takenService = await send('admin', 'POST', '/newsroom/services', { code: 'en', name: 'English', locale: 'en', direction: 'ltr', outlet: 'RFE/RL' });
    expect(takenService.statusCode).toBe(400);
    const badDirection = await send('admin', 'POST', '/newsroom/services/en', { name: 'English', locale: 'en', direction: 'up', outlet: 'RFE/RL' });
    expect(badDirection.statusCode).toBe(400);

    const badLink = await send('editor-en', 'POST', '/newsroom/alerts', { serviceCode: 'en', text: 'Polls close', linkUrl: 'javascript:alert(1)', durationMinutes: '30' });
    expect(badLink.statusCode).toBe(400);
    expect(badLink.body).toContain('value="Polls close"');
    const noDuration = await send('editor-en', 'POST', '/newsroom/alerts', { serviceCode: 'en', text: 'Polls close', durationMinutes: '' });
    expect(noDuration.statusCode).toBe(400);

    const unknown = await send('admin', 'GET', '/newsroom/profiles/999999');
    expect(unknown.statusCode).toBe(404);
    expect((await send('admin', 'GET', '/newsroom/profiles/99999999999')).statusCode).toBe(404);
    // An id no account can have is refused by the page's schema, not silently dropped from the filter.
    expect((await send('admin', 'GET', '/newsroom/audit?user=99999999999')).statusCode).toBe(400);
    const hugePosition = await send('admin', 'POST', '/newsroom/services/en', { name: 'English', locale: 'en', direction: 'ltr', outlet: 'RFE/RL', position: '99999999999' });
    expect(hugePosition.statusCode).toBe(400);

    expect(await t.store.read.profiles.search({ terms: [], limit: 50 })).toEqual(profilesBefore);
    expect(await t.store.read.services.listAllSections()).toEqual(sectionsBefore);
    expect(await t.store.read.alerts.listForService('en', 100, 0)).toEqual(alertsBefore);
    expect(await t.store.read.services.list()).toEqual(servicesBefore);
  });

  it('finds profiles by the start of a word on the list page', async () => {
    await createProfile(t.actions, SYSTEM, { kind: 'organisation', name: 'Central Election Commission', serviceCode: 'en' });
    const page = await send('reporter-en', 'GET', '/newsroom/profiles?q=elect');
    expect(page.body).toContain('Central Election Commission');
    expect(page.body).not.toContain('Roza');
    // A reporter reads profiles but edits none: names are not links to the form.
    expect(page.body).not.toContain('href="/newsroom/profiles/');
  });

  it('filters the audit log by person and by action', async () => {
    await send('editor-en', 'POST', '/newsroom/alerts', { serviceCode: 'en', text: 'Audited alert', durationMinutes: '10' });
    const editor = await t.store.read.users.findByEmail('editor-en@example.org');
    const byEditor = await send('admin', 'GET', `/newsroom/audit?user=${editor!.id}&action=alert.create`);
    expect(byEditor.statusCode).toBe(200);
    const rows = [...byEditor.body.matchAll(/<tr><td>[^<]*<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>/g)].map((m) => [m[1], m[2]]);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map(([who, action]) => `${who} ${action}`))).toEqual(new Set(['editor-en alert.create']));
    const none = await send('admin', 'GET', '/newsroom/audit?action=no.such.action');
    expect(none.body).toContain('Nothing recorded matches.');
  });

  it('updates the reader pages after edits: alerts, profiles and sections purge the cached pages that show them', async () => {
    const storyBody = (profileId: number) => [{ type: 'paragraph', content: [{ type: 'profile', text: 'Tokaev', profileId }] }];
    const profile = await createProfile(t.actions, SYSTEM, { kind: 'person', name: 'Kassym Tokaev', serviceCode: 'en' });
    await givenPublishedStory(t.actions, { headline: 'Linked Story', body: storyBody(profile.id) });
    const profileUrl = `/en/p/kassym-tokaev/${profile.id}`;
    const reader = async (url: string) => (await t.app.inject({ method: 'GET', url })).body;

    expect(await reader('/en/')).not.toContain('Bridge closed');
    expect(await reader(profileUrl)).toContain('Kassym Tokaev');

    expect((await send('editor-en', 'POST', '/newsroom/alerts', { serviceCode: 'en', text: 'Bridge closed', durationMinutes: '30' })).statusCode).toBe(303);
    expect(await reader('/en/')).toContain('Bridge closed');
    const alerts = await t.store.read.alerts.listForService('en', 1, 0);
    expect((await send('editor-en', 'POST', `/newsroom/alerts/${alerts[0]!.id}/expire`, { service: 'en' })).statusCode).toBe(303);
    expect(await reader('/en/')).not.toContain('Bridge closed');

    expect((await send('editor-en', 'POST', `/newsroom/profiles/${profile.id}`, { kind: 'person', name: 'Kassym-Jomart Tokayev', summary: 'President.', serviceCode: 'en' })).statusCode).toBe(303);
    const moved = await t.app.inject({ method: 'GET', url: profileUrl });
    expect(moved.statusCode).toBe(301);
    expect(await reader(String(moved.headers.location))).toContain('President.');

    expect((await send('admin', 'POST', '/newsroom/sections', { serviceCode: 'en', name: 'Central Asia', slug: 'central-asia', position: '1' })).statusCode).toBe(303);
    expect(await reader('/en/')).toContain('Central Asia');
    expect((await send('admin', 'POST', '/newsroom/services/ru', { name: 'Русская служба', locale: 'ru', direction: 'ltr', outlet: 'RFE/RL' })).statusCode).toBe(303);
    expect(await reader('/en/')).toContain('Русская служба');
  });
});
