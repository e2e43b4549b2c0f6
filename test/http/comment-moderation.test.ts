import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setCommentSettings } from '../../src/actions/comments/set-comment-settings.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { postingDeps, readerPost } from '../support/comments.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenPublishedStory, givenService, SYSTEM } from '../support/factories.js';
import { API, givenUser, signInAs } from '../support/newsroom.js';

describe.each(STORE_KINDS)('moderating comments over HTTP on %s', (kind) => {
  let t: TestApp;
  let enStory: number;
  let ruStory: number;
  let moderator: Record<string, string>;
  let editor: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions, 'en');
    await givenService(t.actions, 'ru');
    await setCommentSettings(t.actions, SYSTEM, 'en', { moderation: 'pre' });
    await setCommentSettings(t.actions, SYSTEM, 'ru', { moderation: 'pre' });
    enStory = await givenPublishedStory(t.actions, { headline: 'Budget <Vote>' });
    ruStory = await givenPublishedStory(t.actions, { serviceCode: 'ru', headline: 'Голосование' });
    moderator = (await givenUser(t.actions, 'mod-en', [{ role: 'moderator', serviceCode: 'en' }], { withPassword: true })).bearer;
    editor = (await givenUser(t.actions, 'editor-en', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true })).bearer;
  });
  afterAll(async () => t.close());

  const post = (storyId: number, body = `A comment ${Math.random()}`) => readerPost(postingDeps(t.actions), { storyId, body });
  const count = async (storyId: number) => (await t.store.read.stories.findById(storyId))?.commentCount;
  const state = async (id: number) => (await t.store.read.comments.findById(id))?.state;

  it('lists the held comments of a service with their story, and approving one counts it and is audited', async () => {
    const held = await post(enStory, '<script>alert(1)</script> held');
    const queue = await t.app.inject({ method: 'GET', url: `${API}/comments/queue?service=en`, headers: moderator });
    expect(queue.statusCode).toBe(200);
    const item = (queue.json() as { items: Array<Record<string, unknown>> }).items.find((c) => c.id === held.id);
    expect(item).toMatchObject({ storyId: enStory, storyHeadline: 'Budget <Vote>', serviceCode: 'en', state: 'held', reportCount: 0 });
    expect(item).not.toHaveProperty('addressHash');

    const before = await count(enStory);
    const approved = await t.app.inject({ method: 'POST', url: `${API}/comments/${held.id}/approve`, headers: moderator });
    expect(approved.json()).toEqual({ id: held.id, storyId: enStory, state: 'visible' });
    expect(await count(enStory)).toBe((before ?? 0) + 1);
    const [latest] = await t.store.read.audit.list(1, 0);
    expect(latest).toMatchObject({ action: 'comment.approve', subject: `comment:${held.id}`, details: { serviceCode: 'en', from: 'held' } });
  });

  it('refuses a moderator of en on a ru comment or queue, and changes nothing', async () => {
    const ruComment = await post(ruStory);
    const auditBefore = await t.store.read.audit.list(100, 0);
    for (const verb of ['approve', 'reject', 'spam']) {
      const response = await t.app.inject({ method: 'POST', url: `${API}/comments/${ruComment.id}/${verb}`, headers: moderator });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
    const ban = await t.app.inject({ method: 'POST', url: `${API}/comments/${ruComment.id}/ban`, headers: moderator, payload: { address: true, token: true } });
    expect(ban.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `${API}/comments/queue?service=ru`, headers: moderator })).statusCode).toBe(403);
    expect(await state(ruComment.id)).toBe('held');
    expect(await count(ruStory)).toBe(0);
    expect(await t.store.read.audit.list(100, 0)).toEqual(auditBefore);
  });

  it('lets an editor change the rules, refuses bad rules with a code and keeps the old ones, and refuses moderators', async () => {
    const url = `${API}/services/en/comment-settings`;
    const bad = await t.app.inject({ method: 'PUT', url, headers: editor, payload: { autoCloseDays: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'AUTO_CLOSE_INVALID' } });
    expect((await t.app.inject({ method: 'PUT', url, headers: moderator, payload: { moderation: 'post' } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url, headers: moderator })).json()).toMatchObject({ moderation: 'pre', autoCloseDays: null });

    const good = await t.app.inject({ method: 'PUT', url, headers: editor, payload: { autoCloseDays: 7, bannedWords: ['Scam'] } });
    expect(good.json()).toEqual({ serviceCode: 'en', moderation: 'pre', autoCloseDays: 7, maxLinks: 2, bannedWords: ['scam'] });
    expect((await t.app.inject({ method: 'GET', url: `${API}/services/zz/comment-settings`, headers: editor })).statusCode).toBe(403);
  });

  it('serves the newsroom queue page escaped, and its forms need the CSRF token', async () => {
    const held = await post(enStory, '<img src=x onerror=alert(1)> in the queue');
    const session = await signInAs(t, 'mod-en@example.org');
    const page = await t.app.inject({ method: 'GET', url: '/newsroom/comments?service=en', headers: { cookie: session.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)> in the queue');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain(`action="/newsroom/comments/${held.id}/reject"`);

    const forged = await t.app.inject({
      method: 'POST',
      url: `/newsroom/comments/${held.id}/reject`,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: 'wrong', service: 'en' }).toString(),
    });
    expect(forged.statusCode).toBe(403);
    expect(await state(held.id)).toBe('held');

    const rejected = await t.app.inject({
      method: 'POST',
      url: `/newsroom/comments/${held.id}/reject`,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrfToken, service: 'en' }).toString(),
    });
    expect(rejected.statusCode).toBe(303);
    expect(rejected.headers.location).toBe('/newsroom/comments?service=en&show=all');
    expect(await state(held.id)).toBe('rejected');
  });

  it('shows editors the settings form, which saves the rules; moderators get no form and a forged post is refused', async () => {
    const editorSession = await signInAs(t, 'editor-en@example.org');
    const page = await t.app.inject({ method: 'GET', url: '/newsroom/comments?service=en', headers: { cookie: editorSession.cookie } });
    expect(page.body).toContain('action="/newsroom/comments/settings"');
    const form = (fields: Record<string, string>, session: { cookie: string; csrfToken: string }) =>
      t.app.inject({
        method: 'POST',
        url: '/newsroom/comments/settings',
        headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: session.csrfToken, service: 'en', ...fields }).toString(),
      });
    const saved = await form({ moderation: 'post', autoCloseDays: '', maxLinks: '3', bannedWords: 'Spam\r\n\r\nscam ' }, editorSession);
    expect(saved.statusCode).toBe(303);
    expect(await t.store.read.commentRules.settings('en')).toEqual({ serviceCode: 'en', moderation: 'post', autoCloseDays: null, maxLinks: 3, bannedWords: ['spam', 'scam'] });
    const bad = await form({ moderation: 'post', autoCloseDays: 'soon', maxLinks: '3', bannedWords: '' }, editorSession);
    expect(bad.statusCode).toBe(400);
    expect(await t.store.read.commentRules.settings('en')).toMatchObject({ maxLinks: 3, bannedWords: ['spam', 'scam'] });

    const modSession = await signInAs(t, 'mod-en@example.org');
    const modPage = await t.app.inject({ method: 'GET', url: '/newsroom/comments?service=en', headers: { cookie: modSession.cookie } });
    expect(modPage.body).not.toContain('action="/newsroom/comments/settings"');
    expect((await form({ moderation: 'pre', maxLinks: '0' }, modSession)).statusCode).toBe(403);
    expect(await t.store.read.commentRules.settings('en')).toMatchObject({ moderation: 'post', maxLinks: 3 });
    await setCommentSettings(t.actions, SYSTEM, 'en', { moderation: 'pre', bannedWords: [] });
  });
});
