import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { givenService, storyInput } from '../support/factories.js';
import { API, givenUser, signInAs } from '../support/newsroom.js';

describe.each(STORE_KINDS)('admin API on %s', (kind) => {
  let t: TestApp;
  let editor: Awaited<ReturnType<typeof givenUser>>;
  let reporter: Awaited<ReturnType<typeof givenUser>>;
  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions);
    editor = await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
    reporter = await givenUser(t.actions, 'reporter', [{ role: 'reporter', serviceCode: 'en' }]);
  });
  afterAll(async () => t.close());

  it('takes a story from draft to filed to published, and it reaches the service home', async () => {
    const created = await t.app.inject({ method: 'POST', url: `${API}/stories`, headers: reporter.bearer, payload: storyInput({ headline: 'Budget Passes' }) });
    expect(created.statusCode).toBe(201);
    const story = created.json() as { id: number; status: string; version: number; authorId: number };
    expect(story).toMatchObject({ status: 'draft', version: 1, authorId: reporter.id });

    const filed = await t.app.inject({ method: 'POST', url: `${API}/stories/${story.id}/file`, headers: reporter.bearer });
    expect(filed.statusCode).toBe(200);
    const refused = await t.app.inject({ method: 'POST', url: `${API}/stories/${story.id}/publish`, headers: reporter.bearer, payload: {} });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');

    const published = await t.app.inject({ method: 'POST', url: `${API}/stories/${story.id}/publish`, headers: editor.bearer, payload: {} });
    expect(published.json()).toMatchObject({ status: 'published' });
    const home = await t.app.inject({ method: 'GET', url: '/en/' });
    expect(home.body).toContain('Budget Passes');
  });

  it('refuses a stale save with 409 and keeps both versions as revisions', async () => {
    const { id } = (await t.app.inject({ method: 'POST', url: `${API}/stories`, headers: editor.bearer, payload: storyInput() })).json() as { id: number };
    const first = await t.app.inject({ method: 'PUT', url: `${API}/stories/${id}`, headers: editor.bearer, payload: { ...storyInput({ headline: 'First Edit' }), version: 1 } });
    expect(first.json()).toMatchObject({ version: 2, headline: 'First Edit' });
    const stale = await t.app.inject({ method: 'PUT', url: `${API}/stories/${id}`, headers: (await signInAs(t, editor.email)).headers, payload: { ...storyInput({ headline: 'Second Edit' }), version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'STORY_VERSION_CONFLICT', field: 'version' });
    const now = (await t.app.inject({ method: 'GET', url: `${API}/stories/${id}`, headers: editor.bearer })).json();
    expect(now).toMatchObject({ headline: 'First Edit', version: 2 });
    const revisions = (await t.app.inject({ method: 'GET', url: `${API}/stories/${id}/revisions`, headers: editor.bearer })).json();
    expect(revisions.items.map((r: { kind: string; headline: string }) => `${r.kind}:${r.headline}`)).toEqual([
      'conflict:Second Edit',
      'save:First Edit',
      'save:Parliament Votes On Budget',
    ]);
    const [conflict, , original] = revisions.items as { id: number }[];
    const diff = (await t.app.inject({ method: 'GET', url: `${API}/stories/${id}/revisions/diff?from=${original!.id}&to=${conflict!.id}`, headers: editor.bearer })).json();
    expect(diff.changes).toContainEqual(expect.objectContaining({ kind: 'field', field: 'headline', before: 'Parliament Votes On Budget', after: 'Second Edit' }));
    const restored = await t.app.inject({ method: 'POST', url: `${API}/stories/${id}/revisions/${conflict!.id}/restore`, headers: editor.bearer, payload: { version: 2 } });
    expect(restored.json()).toMatchObject({ headline: 'Second Edit', version: 3 });
  });

  it('signs in with a session cookie and demands the CSRF token on writes', async () => {
    const session = await signInAs(t, editor.email);
    expect(session.setCookie).toMatch(/HttpOnly/);
    expect(session.setCookie).toMatch(/SameSite=Lax/);
    const withoutToken = await t.app.inject({ method: 'POST', url: `${API}/stories`, headers: { cookie: session.cookie }, payload: storyInput() });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error.code).toBe('CSRF_INVALID');
    const withToken = await t.app.inject({ method: 'POST', url: `${API}/stories`, headers: session.headers, payload: storyInput() });
    expect(withToken.statusCode).toBe(201);
  });

  it('refuses unknown fields naming them', async () => {
    const response = await t.app.inject({ method: 'POST', url: `${API}/stories`, headers: editor.bearer, payload: { ...storyInput(), sneaky: 1 } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'FIELD_UNKNOWN', field: 'sneaky' });
  });
});
