import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory } from '../../src/actions/stories/create-story.js';
import { publishStory } from '../../src/actions/stories/publish-story.js';
import { userActor } from '../../src/domain/user/user.js';
import { STORE_KINDS } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { givenService, storyInput, SYSTEM } from '../support/factories.js';
import { API, givenUser, signInAs } from '../support/newsroom.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe.each(STORE_KINDS)('deleting drafts and bulk actions in the story list on %s', (kind) => {
  let t: TestApp;
  let editor: Awaited<ReturnType<typeof givenUser>>;
  let reporter: Awaited<ReturnType<typeof givenUser>>;
  let otherReporter: Awaited<ReturnType<typeof givenUser>>;
  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions);
    editor = await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
    reporter = await givenUser(t.actions, 'reporter', [{ role: 'reporter', serviceCode: 'en' }], { withPassword: true });
    otherReporter = await givenUser(t.actions, 'other', [{ role: 'reporter', serviceCode: 'en' }]);
  });
  afterAll(async () => t.close());

  const draftBy = (who: { id: number }, headline: string) =>
    createStory(t.actions, userActor({ id: who.id, grants: [{ role: 'reporter', serviceCode: 'en' }] }), storyInput({ headline }));
  const exists = async (id: number) => (await t.store.read.stories.findById(id)) !== undefined;
  const post = (session: { headers: Record<string, string>; csrfToken: string }, url: string, form: Record<string, string>) =>
    t.app.inject({ method: 'POST', url, headers: { ...session.headers, ...FORM }, payload: new URLSearchParams({ _csrf: session.csrfToken, ...form }).toString() });

  it('deletes a draft that was never published, keeping its revisions in the audit log', async () => {
    const id = await draftBy(reporter, 'A Draft To Delete');
    await t.app.inject({ method: 'PUT', url: `${API}/stories/${id}`, headers: reporter.bearer, payload: { ...storyInput({ headline: 'A Draft, Edited' }), version: 1 } });
    const session = await signInAs(t, reporter.email);
    const response = await post(session, `/newsroom/stories/${id}/delete`, {});
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/newsroom/stories?done=deleted');
    expect(await exists(id)).toBe(false);
    const list = await t.app.inject({ method: 'GET', url: '/newsroom/stories?done=deleted', headers: session.headers });
    expect(list.body).toContain('Draft deleted.');
    expect(list.body).not.toContain('A Draft, Edited');

    const [entry] = await t.store.read.audit.list(1, 0, { action: 'story.delete' });
    expect(entry).toMatchObject({ subject: `story:${id}`, userName: 'reporter' });
    const kept = entry!.details.revisions as { content: { headline: string } }[];
    expect(kept.map((r) => r.content.headline)).toEqual(['A Draft To Delete', 'A Draft, Edited']);
  });

  it('refuses to delete a published story (409), and changes nothing', async () => {
    const id = await createStory(t.actions, SYSTEM, storyInput({ headline: 'Live Story' }));
    await publishStory(t.actions, SYSTEM, id);
    const before = await t.store.read.stories.findById(id);
    const auditBefore = (await t.store.read.audit.list(100, 0)).length;
    const response = await t.app.inject({ method: 'DELETE', url: `${API}/stories/${id}`, headers: editor.bearer });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'STORY_NOT_DELETABLE', field: 'status' });
    expect(await t.store.read.stories.findById(id)).toEqual(before);
    expect((await t.store.read.audit.list(100, 0)).length).toBe(auditBefore);
    // Nor through the newsroom.
    const page = await post(await signInAs(t, editor.email), `/newsroom/stories/${id}/delete`, {});
    expect(page.statusCode).toBe(409);
    expect(await exists(id)).toBe(true);
  });

  it('lets a reporter delete their own draft only', async () => {
    const theirs = await draftBy(otherReporter, 'Someone Else’s Draft');
    const response = await t.app.inject({ method: 'DELETE', url: `${API}/stories/${theirs}`, headers: reporter.bearer });
    expect(response.statusCode).toBe(403);
    expect(await exists(theirs)).toBe(true);
  });

  it('lists stories with author, section, status and published time, and offers only the actions one may do', async () => {
    const id = await draftBy(reporter, 'Listed By Reporter');
    const asReporter = await t.app.inject({ method: 'GET', url: '/newsroom/stories?mine=1', headers: reporter.bearer });
    expect(asReporter.body).toContain('Listed By Reporter');
    expect(asReporter.body).toContain('by reporter');
    expect(asReporter.body).not.toContain('Live Story');
    expect(asReporter.body).toContain(`name="story.${id}"`);
    expect(asReporter.body).toContain('<option value="delete">');
    expect(asReporter.body).not.toContain('<option value="unpublish">');
    const asEditor = await t.app.inject({ method: 'GET', url: '/newsroom/stories?status=published', headers: editor.bearer });
    expect(asEditor.body).toMatch(/Live Story[\s\S]*published <time/);
    expect(asEditor.body).toContain('<option value="unpublish">');
  });

  it('bulk-files and bulk-deletes chosen drafts', async () => {
    const a = await draftBy(reporter, 'Bulk One');
    const b = await draftBy(reporter, 'Bulk Two');
    const session = await signInAs(t, reporter.email);
    const filed = await post(session, '/newsroom/stories/bulk', { action: 'file', [`story.${a}`]: '1', [`story.${b}`]: '1', back: '/newsroom/stories?mine=1' });
    expect(filed.statusCode).toBe(303);
    expect(filed.headers.location).toBe('/newsroom/stories?mine=1&done=bulk');
    expect((await t.store.read.stories.findById(a))?.status).toBe('filed');
    expect((await t.store.read.stories.findById(b))?.status).toBe('filed');
    const deleted = await post(session, '/newsroom/stories/bulk', { action: 'delete', [`story.${a}`]: '1', [`story.${b}`]: '1' });
    expect(deleted.statusCode).toBe(303);
    expect(await exists(a)).toBe(false);
    expect(await exists(b)).toBe(false);
  });

  it('refuses a bulk action if any chosen story is not permitted (403, naming it) and changes none of them', async () => {
    const mine = await draftBy(reporter, 'My Draft');
    const theirs = await draftBy(otherReporter, 'Their Draft');
    const session = await signInAs(t, reporter.email);
    const response = await post(session, '/newsroom/stories/bulk', { action: 'delete', [`story.${mine}`]: '1', [`story.${theirs}`]: '1' });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('Their Draft');
    expect(response.body).toContain('role="alert"');
    expect(await exists(mine)).toBe(true);
    expect(await exists(theirs)).toBe(true);

    // A reporter may not unpublish at all; an editor may not delete a published story.
    const live = await createStory(t.actions, SYSTEM, storyInput({ headline: 'Bulk Live' }));
    await publishStory(t.actions, SYSTEM, live);
    expect((await post(session, '/newsroom/stories/bulk', { action: 'unpublish', [`story.${live}`]: '1' })).statusCode).toBe(403);
    const editorSession = await signInAs(t, editor.email);
    const refused = await post(editorSession, '/newsroom/stories/bulk', { action: 'delete', [`story.${mine}`]: '1', [`story.${live}`]: '1' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Bulk Live');
    expect(await exists(mine)).toBe(true);
    expect((await t.store.read.stories.findById(live))?.status).toBe('published');
  });

  it('refuses a bulk form with nothing chosen or an unknown action (400)', async () => {
    const session = await signInAs(t, editor.email);
    expect((await post(session, '/newsroom/stories/bulk', { action: 'delete' })).statusCode).toBe(400);
    const id = await draftBy(reporter, 'Not Touched');
    expect((await post(session, '/newsroom/stories/bulk', { action: 'explode', [`story.${id}`]: '1' })).statusCode).toBe(400);
    expect(await exists(id)).toBe(true);
  });
});
