import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../src/actions/alerts/create-alert.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenService, SYSTEM } from '../support/factories.js';
import { API, givenUser } from '../support/newsroom.js';

describe.each(STORE_KINDS)('services, sections, alert lists and the audit log through the Admin API on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof givenUser>>;
  let editor: Awaited<ReturnType<typeof givenUser>>;
  let newsId: number;

  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    newsId = (await givenService(t.actions, 'en')).section.id;
    await givenService(t.actions, 'ru');
    admin = await givenUser(t.actions, 'admin', [{ role: 'admin', serviceCode: null }]);
    editor = await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }]);
  });
  afterAll(async () => t.close());

  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers = admin.bearer) =>
    t.app.inject({ method, url: API + url, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

  it('creates a service, changes it (its code stays), and lists it where its position puts it', async () => {
    const created = await api('POST', '/services', { code: 'fa', name: 'رادیو فردا', locale: 'fa-IR', direction: 'rtl', outlet: 'Radio Farda', position: 9 });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ code: 'fa', name: 'رادیو فردا', locale: 'fa-IR', direction: 'rtl', outlet: 'Radio Farda', position: 9 });
    const changed = await api('PUT', '/services/fa', { outlet: 'RFE/RL', position: -0 });
    expect(changed.json()).toEqual({ code: 'fa', name: 'رادیو فردا', locale: 'fa-IR', direction: 'rtl', outlet: 'RFE/RL', position: 0 });
    const list = (await api('GET', '/services', undefined, editor.bearer)).json() as { items: { code: string }[] };
    expect(list.items.map((s) => s.code)).toEqual(['en', 'fa', 'ru']);
    const audit = (await api('GET', '/audit?action=service.update')).json() as { items: { subject: string; userName: string }[] };
    expect(audit.items[0]).toMatchObject({ subject: 'service:fa', userName: 'admin' });
  });

  it('creates sections and moves them in the navigation order', async () => {
    const created = await api('POST', '/sections', { serviceCode: 'en', slug: 'asia', name: 'Asia', position: 5 });
    expect(created.statusCode).toBe(201);
    const { id } = created.json() as { id: number };
    const moved = await api('PUT', `/sections/${id}`, { position: 0, name: 'Central Asia' });
    expect(moved.json()).toEqual({ id, serviceCode: 'en', slug: 'asia', name: 'Central Asia', position: 0, podcast: false });
    await api('PUT', `/sections/${newsId}`, { position: 1 });
    const list = (await api('GET', '/sections?service=en', undefined, editor.bearer)).json() as { items: { slug: string }[] };
    expect(list.items.map((s) => s.slug)).toEqual(['asia', 'news']);
  });

  it("lists a service's alerts newest first with their state", async () => {
    const old = await createAlert(t.actions, SYSTEM, { serviceCode: 'en', text: 'Earlier', durationMinutes: 5, startsAt: new Date(t.clock.now().getTime() - 60 * 60_000) });
    const live = await createAlert(t.actions, SYSTEM, { serviceCode: 'en', text: 'Now', durationMinutes: 30 });
    await createAlert(t.actions, SYSTEM, { serviceCode: 'ru', text: 'Elsewhere', durationMinutes: 30 });
    const list = (await api('GET', '/alerts?service=en', undefined, editor.bearer)).json() as { items: { id: number; state: string }[]; hasNext: boolean };
    expect(list.items.map((a) => [a.id, a.state])).toEqual([
      [live.id, 'live'],
      [old.id, 'expired'],
    ]);
    expect(list.hasNext).toBe(false);
    const ruByEditor = await api('GET', '/alerts?service=ru', undefined, editor.bearer);
    expect(ruByEditor.statusCode).toBe(403);
  });

  it('filters the audit log by person and by action, and pages it', async () => {
    await api('POST', '/alerts', { serviceCode: 'en', text: 'By the editor', durationMinutes: 5 }, editor.bearer);
    const mine = (await api('GET', `/audit?user=${editor.id}`)).json() as { items: { userId: number; action: string }[] };
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((entry) => entry.userId === editor.id)).toBe(true);
    const first = (await api('GET', '/audit?perPage=1')).json() as { items: unknown[]; hasNext: boolean };
    expect(first.items).toHaveLength(1);
    expect(first.hasNext).toBe(true);
  });

  const snapshot = async () => ({
    services: await t.store.read.services.list(),
    sections: await t.store.read.services.listAllSections(),
    audit: await t.store.read.audit.list(100, 0),
  });

  const BAD: { name: string; method: 'POST' | 'PUT'; url: string; payload: unknown; status: number; code: string; field?: string }[] = [
    { name: 'a service code that is not a language code', method: 'POST', url: '/services', payload: { code: 'EN!', name: 'X', locale: 'en', direction: 'ltr', outlet: 'X' }, status: 400, code: 'SERVICE_CODE_INVALID', field: 'code' },
    { name: 'a service that exists', method: 'POST', url: '/services', payload: { code: 'en', name: 'X', locale: 'en', direction: 'ltr', outlet: 'X' }, status: 400, code: 'SERVICE_EXISTS', field: 'code' },
    { name: 'a locale that is no language tag', method: 'PUT', url: '/services/en', payload: { locale: 'not a locale' }, status: 400, code: 'LOCALE_INVALID', field: 'locale' },
    { name: 'a sideways direction', method: 'PUT', url: '/services/en', payload: { direction: 'ttb' }, status: 400, code: '*', field: 'direction' },
    { name: 'a new code for a service', method: 'PUT', url: '/services/en', payload: { code: 'eng' }, status: 400, code: 'FIELD_UNKNOWN', field: 'code' },
    { name: 'an unknown service', method: 'PUT', url: '/services/zz', payload: { name: 'Z' }, status: 404, code: 'SERVICE_NOT_FOUND' },
    { name: 'an empty service name', method: 'PUT', url: '/services/en', payload: { name: ' ' }, status: 400, code: 'FIELD_REQUIRED', field: 'name' },
    { name: 'a section slug with spaces', method: 'POST', url: '/sections', payload: { serviceCode: 'en', slug: 'a b', name: 'AB' }, status: 400, code: 'SLUG_INVALID', field: 'slug' },
    { name: 'a section slug taken', method: 'POST', url: '/sections', payload: { serviceCode: 'en', slug: 'news', name: 'News' }, status: 400, code: 'SECTION_EXISTS', field: 'slug' },
    { name: 'a section of no service', method: 'POST', url: '/sections', payload: { serviceCode: 'zz', slug: 'x', name: 'X' }, status: 400, code: 'SERVICE_NOT_FOUND', field: 'serviceCode' },
    { name: 'a negative position', method: 'PUT', url: '/sections/1', payload: { position: -1 }, status: 400, code: '*', field: 'position' },
    { name: 'a section moved to another service', method: 'PUT', url: '/sections/1', payload: { serviceCode: 'ru' }, status: 400, code: 'FIELD_UNKNOWN', field: 'serviceCode' },
    { name: 'an unknown section', method: 'PUT', url: '/sections/999999', payload: { name: 'X' }, status: 404, code: 'SECTION_NOT_FOUND' },
    { name: 'a section id beyond any stored id', method: 'PUT', url: '/sections/99999999999', payload: { name: 'X' }, status: 400, code: 'REQUEST_INVALID', field: 'id' },
    { name: 'a service position beyond the list', method: 'POST', url: '/services', payload: { code: 'uz', name: 'Uzbek', locale: 'uz', direction: 'ltr', outlet: 'X', position: 99_999_999_999 }, status: 400, code: '*', field: 'position' },
    { name: 'an oversized section name', method: 'PUT', url: '/sections/1', payload: { name: 'x'.repeat(81) }, status: 400, code: '*', field: 'name' },
  ];

  for (const c of BAD) {
    it(`refuses ${c.name} with ${c.status} and changes nothing`, async () => {
      const before = await snapshot();
      const response = await api(c.method, c.url.replace('/sections/1', `/sections/${newsId}`), c.payload);
      expect(response.statusCode).toBe(c.status);
      const error = (response.json() as { error: { code: string; field: string | null } }).error;
      if (c.code !== '*') expect(error.code).toBe(c.code);
      if (c.field) expect(error.field).toBe(c.field);
      expect(await snapshot()).toEqual(before);
    });
  }
});
