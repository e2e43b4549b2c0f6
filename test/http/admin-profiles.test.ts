import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfile } from '../../src/actions/profiles/create-profile.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenService, SYSTEM } from '../support/factories.js';
import { API, givenUser } from '../support/newsroom.js';

type Found = { items: { id: number; name: string; serviceCode?: string; url: string; kind: string; summary?: string; slug?: string }[]; total: number };

describe.each(STORE_KINDS)('profiles through the Admin API on %s', (kind) => {
  let t: TestApp;
  let editor: Awaited<ReturnType<typeof givenUser>>;
  let reporter: Awaited<ReturnType<typeof givenUser>>;
  let admin: Awaited<ReturnType<typeof givenUser>>;
  let shared: number;
  let ownEn: number;

  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions, 'en');
    await givenService(t.actions, 'ru');
    editor = await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }]);
    reporter = await givenUser(t.actions, 'reporter', [{ role: 'reporter', serviceCode: 'en' }]);
    admin = await givenUser(t.actions, 'admin', [{ role: 'admin', serviceCode: null }]);
    shared = (await createProfile(t.actions, SYSTEM, { kind: 'person', name: 'Roza Otunbaeva', summary: 'Interim leader.' })).id;
    ownEn = (await createProfile(t.actions, SYSTEM, { kind: 'person', name: 'Kurmanbek Bakiev', serviceCode: 'en' })).id;
    await createProfile(t.actions, SYSTEM, { kind: 'person', name: 'Курманбек Бакиев', serviceCode: 'ru' });
    await createProfile(t.actions, SYSTEM, { kind: 'organisation', name: 'Organization for Security and Co-operation in Europe' });
    await createProfile(t.actions, SYSTEM, { kind: 'place', name: 'Bishkek' });
  });
  afterAll(async () => t.close());

  const search = async (query: string, headers = reporter.bearer) => {
    const response = await t.app.inject({ method: 'GET', url: `${API}/profiles${query}`, headers });
    expect(response.statusCode).toBe(200);
    return response.json() as Found;
  };
  const names = (found: Found) => found.items.map((item) => item.name);

  it('finds profiles by the start of any word of their name, in any case and script', async () => {
    expect(names(await search('?q=otun'))).toEqual(['Roza Otunbaeva']);
    expect(names(await search('?q=ROZA%20ot'))).toEqual(['Roza Otunbaeva']);
    expect(names(await search('?q=baev'))).toEqual([]); // the middle of a word is not the start of one
    expect(names(await search(`?q=${encodeURIComponent('бАКИ')}`))).toEqual(['Курманбек Бакиев']);
    expect(names(await search('?q=co-op'))).toEqual(['Organization for Security and Co-operation in Europe']);
    expect(names(await search('?q=b'))).toEqual(['Bishkek', 'Kurmanbek Bakiev']);
  });

  it('answers what the editor needs to link a profile: id, kind, name, summary and the reader address', async () => {
    const found = await search('?q=roza');
    expect(found).toEqual({
      items: [{ id: shared, kind: 'person', name: 'Roza Otunbaeva', summary: 'Interim leader.', slug: 'roza-otunbaeva', url: `/en/p/roza-otunbaeva/${shared}` }],
      total: 1,
    });
    const onRu = await search('?q=roza&serviceCode=ru');
    expect(onRu.items[0]?.url).toBe(`/ru/p/roza-otunbaeva/${shared}`);
    const own = await search('?q=kurmanbek');
    expect(own.items).toEqual([expect.objectContaining({ id: ownEn, serviceCode: 'en', url: `/en/p/kurmanbek-bakiev/${ownEn}` })]);
  });

  it("keeps to a service's own and shared profiles, and pages with a limit while counting every match", async () => {
    expect(names(await search('?serviceCode=ru&limit=50'))).toEqual([
      'Bishkek',
      'Organization for Security and Co-operation in Europe',
      'Roza Otunbaeva',
      'Курманбек Бакиев',
    ]);
    const limited = await search('?limit=2');
    expect(limited.items).toHaveLength(2);
    expect(limited.total).toBe(5);
    expect((await search('?q=zzz')).total).toBe(0);
  });

  it('reads one profile, and says when there is none', async () => {
    const one = await t.app.inject({ method: 'GET', url: `${API}/profiles/${shared}`, headers: reporter.bearer });
    expect(one.json()).toMatchObject({ id: shared, name: 'Roza Otunbaeva' });
    const huge = await t.app.inject({ method: 'GET', url: `${API}/profiles/99999999999`, headers: reporter.bearer });
    expect(huge.statusCode).toBe(400);
    const none = await t.app.inject({ method: 'GET', url: `${API}/profiles/999999`, headers: reporter.bearer });
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('PROFILE_NOT_FOUND');
  });

  it("lets an editor create and rename their service's profiles, found by the new name only, each change in the audit log", async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: `${API}/profiles`,
      headers: editor.bearer,
      payload: { kind: 'person', name: 'Almazbek Atambaev', serviceCode: 'en' },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json() as { id: number };
    const renamed = await t.app.inject({
      method: 'PUT',
      url: `${API}/profiles/${id}`,
      headers: editor.bearer,
      payload: { name: 'Almazbek Atambayev', summary: 'Former president.' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ id, kind: 'person', name: 'Almazbek Atambayev', summary: 'Former president.', serviceCode: 'en', slug: 'almazbek-atambayev' });
    expect(names(await search('?q=atambayev'))).toEqual(['Almazbek Atambayev']);
    expect(names(await search('?q=atambaev'))).toEqual([]);
    const audit = (await t.app.inject({ method: 'GET', url: `${API}/audit`, headers: admin.bearer })).json() as { items: { action: string; subject: string }[] };
    expect(audit.items.filter((entry) => entry.subject === `profile:${id}`).map((entry) => entry.action)).toEqual(['profile.update', 'profile.create']);
  });

  /** Everything a bad request could have touched. */
  const snapshot = async () => ({
    all: await search('?limit=50', admin.bearer),
    audit: (await t.app.inject({ method: 'GET', url: `${API}/audit`, headers: admin.bearer })).json() as unknown,
  });

  const BAD: { name: string; who: () => Record<string, string>; method: 'POST' | 'PUT'; url: () => string; payload: unknown; status: number; code: string; field?: string }[] = [
    { name: 'a missing name', who: () => admin.bearer, method: 'POST', url: () => '/profiles', payload: { kind: 'person' }, status: 400, code: 'FIELD_REQUIRED', field: 'name' },
    { name: 'a blank name', who: () => admin.bearer, method: 'POST', url: () => '/profiles', payload: { kind: 'person', name: '   ' }, status: 400, code: 'FIELD_REQUIRED', field: 'name' },
    { name: 'an oversized name', who: () => admin.bearer, method: 'POST', url: () => '/profiles', payload: { kind: 'person', name: 'x'.repeat(201) }, status: 400, code: '*', field: 'name' },
    { name: 'an oversized summary', who: () => admin.bearer, method: 'PUT', url: () => `/profiles/${shared}`, payload: { summary: 'x'.repeat(4_001) }, status: 400, code: '*', field: 'summary' },
    { name: 'an unknown kind', who: () => admin.bearer, method: 'POST', url: () => '/profiles', payload: { kind: 'robot', name: 'R2' }, status: 400, code: '*', field: 'kind' },
    { name: 'an unknown field', who: () => admin.bearer, method: 'PUT', url: () => `/profiles/${shared}`, payload: { name: 'X', slug: 'x' }, status: 400, code: 'FIELD_UNKNOWN', field: 'slug' },
    { name: 'an unknown service', who: () => admin.bearer, method: 'POST', url: () => '/profiles', payload: { kind: 'person', name: 'Nobody', serviceCode: 'xx' }, status: 404, code: 'SERVICE_NOT_FOUND', field: 'serviceCode' },
    { name: 'an unknown profile', who: () => admin.bearer, method: 'PUT', url: () => '/profiles/999999', payload: { name: 'X' }, status: 404, code: 'PROFILE_NOT_FOUND' },
    { name: "an editor's shared profile", who: () => editor.bearer, method: 'POST', url: () => '/profiles', payload: { kind: 'person', name: 'Shared' }, status: 403, code: 'FORBIDDEN' },
    { name: "an editor's change to a shared profile", who: () => editor.bearer, method: 'PUT', url: () => `/profiles/${shared}`, payload: { name: 'Changed' }, status: 403, code: 'FORBIDDEN' },
    { name: "an editor's move of a profile to another service", who: () => editor.bearer, method: 'PUT', url: () => `/profiles/${ownEn}`, payload: { serviceCode: 'ru' }, status: 403, code: 'FORBIDDEN' },
    { name: "an editor's profile for another service", who: () => editor.bearer, method: 'POST', url: () => '/profiles', payload: { kind: 'person', name: 'Other', serviceCode: 'ru' }, status: 403, code: 'FORBIDDEN' },
    { name: "a reporter's new profile", who: () => reporter.bearer, method: 'POST', url: () => '/profiles', payload: { kind: 'person', name: 'Mine', serviceCode: 'en' }, status: 403, code: 'FORBIDDEN' },
  ];

  for (const c of BAD) {
    it(`refuses ${c.name} with ${c.status} and changes nothing`, async () => {
      const before = await snapshot();
      const response = await t.app.inject({ method: c.method, url: API + c.url(), headers: c.who(), payload: c.payload as Record<string, unknown> });
      expect(response.statusCode).toBe(c.status);
      const error = (response.json() as { error: { code: string; field: string | null } }).error;
      if (c.code !== '*') expect(error.code).toBe(c.code);
      if (c.field) expect(error.field).toBe(c.field);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('refuses a limit above 50 and a search with unknown parameters', async () => {
    expect((await t.app.inject({ method: 'GET', url: `${API}/profiles?limit=51`, headers: reporter.bearer })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: `${API}/profiles?name=x`, headers: reporter.bearer })).statusCode).toBe(400);
  });
});
