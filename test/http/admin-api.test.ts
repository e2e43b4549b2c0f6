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
    const admin = await givenUser(t.actions, 'auditor', [{ role: 'admin', serviceCode: null }]);
    const audit = (await t.app.inject({ method: 'GET', url: `${API}/audit`, headers: admin.bearer })).json();
    const trail = audit.items.filter((e: { subject: string }) => e.subject === `story:${story.id}`).map((e: { userId: number; action: string }) => [e.userId, e.action]);
    expect(trail).toEqual([
      [editor.id, 'story.publish'],
      [reporter.id, 'story.file'],
      [reporter.id, 'story.create'],
    ]);
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

  it('lets no secret leave: no password hash, no session or token hash', async () => {
    const admin = await givenUser(t.actions, 'admin', [{ role: 'admin', serviceCode: null }]);
    const users = await t.app.inject({ method: 'GET', url: `${API}/users`, headers: admin.bearer });
    expect(users.statusCode).toBe(200);
    expect(users.body).not.toMatch(/scrypt|passwordHash|password_hash|token/i);
    const me = await t.app.inject({ method: 'GET', url: `${API}/session`, headers: editor.bearer });
    expect(Object.keys(me.json().user).sort()).toEqual(['createdAt', 'email', 'grants', 'id', 'locale', 'name', 'state']);
  });

  it('keeps a scheduled story out of sight until its time, story page included', async () => {
    const { id, slug } = (await t.app.inject({ method: 'POST', url: `${API}/stories`, headers: editor.bearer, payload: storyInput({ headline: 'Embargoed Budget Story' }) })).json() as { id: number; slug: string };
    const at = new Date(t.clock.now().getTime() + 60 * 60_000).toISOString();
    const scheduled = await t.app.inject({ method: 'POST', url: `${API}/stories/${id}/publish`, headers: editor.bearer, payload: { at } });
    expect(scheduled.json()).toEqual({ status: 'scheduled', publishedAt: at });
    expect((await t.app.inject({ method: 'GET', url: `/en/a/${slug}/${id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/en/' })).body).not.toContain('Embargoed Budget Story');
    t.clock.advance(61 * 60_000);
    expect(await t.scheduler.runOnce()).toEqual([id]);
    expect((await t.app.inject({ method: 'GET', url: `/en/a/${slug}/${id}` })).statusCode).toBe(200);
  });

  it('refuses unknown fields naming them', async () => {
    const response = await t.app.inject({ method: 'POST', url: `${API}/stories`, headers: editor.bearer, payload: { ...storyInput(), sneaky: 1 } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'FIELD_UNKNOWN', field: 'sneaky' });
  });
});
