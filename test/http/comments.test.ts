import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveComment } from '../../src/actions/comments/approve-comment.js';
import { setCommentsState } from '../../src/actions/comments/set-comments-state.js';
import { GENEROUS_LIMITS } from '../support/comments.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenPublishedStory, givenService, SYSTEM } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ReaderSession } from '../support/reader-session.js';

describe.each(STORE_KINDS)('comments over HTTP on %s', (kind) => {
  let t: TestApp;
  let story: string;
  let comments: string;
  let storyId: number;
  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false, rateLimits: GENEROUS_LIMITS, workMaxNumber: 300 });
    await givenService(t.actions);
    storyId = await givenPublishedStory(t.actions);
    story = `/en/a/parliament-votes-on-budget/${storyId}`;
    comments = `${story}/comments`;
  });
  afterAll(async () => t.close());

  const stored = () => t.store.read.comments.countByStory(storyId);

  it('serves the comments page with a form and a signed form token in an HttpOnly, SameSite=Lax cookie', async () => {
    const reader = new ReaderSession(t.app);
    const page = await reader.request({ method: 'GET', url: comments });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('<form id="comment-form"');
    expect(page.body).toMatch(/<script src="\/assets\/comments\.[\w-]+\.js" defer/);
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toMatch(/dl_form=[\w-]+\.[\w-]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax/);
    expect(page.body).toContain(`name="_form" value="${reader.cookies.get('dl_form')}"`);
  });

  it('posts a comment and a reply without JavaScript: held for a moderator, then shown nested', async () => {
    const reader = new ReaderSession(t.app, '192.0.2.20');
    const before = await stored();
    const _form = await reader.formToken(comments);
    const posted = await reader.request({ method: 'POST', url: comments, form: { _form, authorName: 'Plain Form', body: 'Line one\nLine two <b>bold?</b>', website: '', altcha: '', parentId: '' } });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(`${comments}?notice=held#comments-heading`);
    const notice = await reader.request({ method: 'GET', url: posted.headers.location! });
    expect(notice.body).toContain('waiting for a moderator');
    expect(notice.body).not.toContain('Plain Form');
    expect(await stored()).toBe(before + 1);

    const [held] = (await t.store.read.comments.listQueue('en', { limit: 10, offset: 0 })).filter((c) => c.authorName === 'Plain Form');
    await approveComment(t.actions, SYSTEM, held!.id);
    const shown = await reader.request({ method: 'GET', url: comments });
    expect(shown.body).toContain('Plain Form');
    expect(shown.body).toContain('Line one<br/>Line two &lt;b>bold?&lt;/b>');
    expect(shown.body).toContain(`href="${comments}?reply=${held!.id}#comment-form"`);

    const replyForm = await reader.request({ method: 'GET', url: `${comments}?reply=${held!.id}` });
    expect(replyForm.body).toContain('Reply to <bdi>Plain Form</bdi>');
    expect(replyForm.body).toContain(`name="parentId" value="${held!.id}"`);
    const reply = await reader.request({
      method: 'POST',
      url: comments,
      form: { _form, authorName: 'Replier', body: 'An answer with https://example.org/a?b=1', parentId: String(held!.id), altcha: await reader.solvedWork() },
    });
    expect(reply.statusCode).toBe(303);
    expect(reply.headers.location).toMatch(new RegExp(`^${comments}/(\\d+)#comment-\\1$`));
    const permalink = await reader.request({ method: 'GET', url: reply.headers.location!.split('#')[0]! });
    expect(permalink.statusCode).toBe(200);
    expect(permalink.body).toMatch(/<ol class="comment-replies"><li id="comment-\d+" class="comment comment-reply comment-highlight"/);
    expect(permalink.body).toContain('<a href="https://example.org/a?b=1" rel="nofollow ugc noopener" target="_blank">https://example.org/a?b=1</a>');
    // The author sees Edit and Delete on their own comment.
    expect(permalink.body).toMatch(/\/comments\/\d+\/edit/);
  });

  it('posts in place with JSON and a solved proof of work, and the story page count follows', async () => {
    const reader = new ReaderSession(t.app, '192.0.2.30');
    const countBefore = (await t.store.read.stories.findById(storyId))!.commentCount;
    expect((await reader.request({ method: 'GET', url: story })).body).toContain(`See comments (${countBefore})`);
    const _form = await reader.formToken(comments);
    const response = await reader.request({
      method: 'POST',
      url: comments,
      json: { _form, authorName: 'Scripted', body: 'Posted in place', altcha: await reader.solvedWork() },
    });
    expect(response.statusCode).toBe(201);
    const body = response.json<{ comment: { state: string }; count: number; html: string }>();
    expect(body.comment.state).toBe('visible');
    expect(body.count).toBe(countBefore + 1);
    expect(body.html).toContain('Posted in place');
    expect((await reader.request({ method: 'GET', url: story })).body).toContain(`See comments (${countBefore + 1})`);

    const noWork = await reader.request({ method: 'POST', url: comments, json: { _form, authorName: 'Scripted', body: 'No work' } });
    expect(noWork.statusCode).toBe(400);
    expect(noWork.json()).toMatchObject({ error: { code: 'POW_REQUIRED' } });
  });

  it('refuses a post without a valid form token or proof of work, storing nothing', async () => {
    const reader = new ReaderSession(t.app, '192.0.2.40');
    const _form = await reader.formToken(comments);
    const before = await stored();
    const stranger = new ReaderSession(t.app, '192.0.2.41');
    const forged = await stranger.request({ method: 'POST', url: comments, form: { _form, authorName: 'Forged', body: 'From another site' } });
    expect(forged.statusCode).toBe(403);
    const mismatch = await reader.request({ method: 'POST', url: comments, form: { _form: 'abc.def', authorName: 'X', body: 'Y' } });
    expect(mismatch.statusCode).toBe(403);
    expect(mismatch.body).toContain('This form has expired');
    const badWork = await reader.request({ method: 'POST', url: comments, form: { _form, authorName: 'X', body: 'Bad work', altcha: 'bm90IGpzb24=' } });
    expect(badWork.statusCode).toBe(400);
    expect(badWork.body).toContain('The anti-spam check failed');
    expect(badWork.body).toContain('Bad work');
    const honeypot = await reader.request({ method: 'POST', url: comments, form: { _form, authorName: 'Bot', body: 'Buy', website: 'http://x' } });
    expect(honeypot.statusCode).toBe(400);
    const empty = await reader.request({ method: 'POST', url: comments, form: { _form, authorName: '', body: '' } });
    expect(empty.statusCode).toBe(400);
    expect(await stored()).toBe(before);
  });

  it('refuses posts to a closed story with 409, shows no form and keeps its comments', async () => {
    const reader = new ReaderSession(t.app, '192.0.2.50');
    const _form = await reader.formToken(comments);
    const before = await stored();
    await setCommentsState(t.actions, SYSTEM, storyId, 'closed');
    const refused = await reader.request({ method: 'POST', url: comments, form: { _form, authorName: 'Late', body: 'Too late', altcha: await reader.solvedWork() } });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('This forum has been closed.');
    const page = await reader.request({ method: 'GET', url: comments });
    expect(page.body).toContain('This forum has been closed.');
    expect(page.body).not.toContain('id="comment-form"');
    expect(page.body).toContain('Scripted');
    const json = await reader.request({ method: 'POST', url: comments, json: { _form, authorName: 'Late', body: 'Again', altcha: await reader.solvedWork() } });
    expect(json.json()).toMatchObject({ error: { code: 'COMMENTS_CLOSED' } });
    expect(await stored()).toBe(before);
    await setCommentsState(t.actions, SYSTEM, storyId, 'open');
  });

  it('lets the author delete their own comment and readers report others', async () => {
    const author = new ReaderSession(t.app, '192.0.2.60');
    const _form = await author.formToken(comments);
    const posted = await author.request({ method: 'POST', url: comments, form: { _form, authorName: 'Regretful', body: 'Oops', altcha: await author.solvedWork() } });
    const id = /\/comments\/(\d+)#/.exec(posted.headers.location!)![1]!;
    const other = new ReaderSession(t.app, '192.0.2.61');
    const otherForm = await other.formToken(comments);
    expect((await other.request({ method: 'POST', url: `${comments}/${id}/delete`, form: { _form: otherForm } })).statusCode).toBe(403);
    const report = await other.request({ method: 'POST', url: `${comments}/${id}/report`, form: { _form: otherForm } });
    expect(report.statusCode).toBe(303);
    expect(await t.store.read.comments.reportCount(Number(id))).toBe(1);
    const deleted = await author.request({ method: 'POST', url: `${comments}/${id}/delete`, form: { _form } });
    expect(deleted.statusCode).toBe(303);
    expect((await author.request({ method: 'GET', url: comments })).body).not.toContain('Regretful');
    expect((await author.request({ method: 'GET', url: `${comments}/${id}` })).statusCode).toBe(404);
  });

  it('lets the author edit their comment for a few minutes through the edit page', async () => {
    const author = new ReaderSession(t.app, '192.0.2.70');
    const _form = await author.formToken(comments);
    const posted = await author.request({ method: 'POST', url: comments, form: { _form, authorName: 'Editor', body: 'Tpyo', altcha: await author.solvedWork() } });
    const id = /\/comments\/(\d+)#/.exec(posted.headers.location!)![1]!;
    const editPage = await author.request({ method: 'GET', url: `${comments}/${id}/edit` });
    expect(editPage.statusCode).toBe(200);
    expect(editPage.body).toContain('>Tpyo</textarea>');
    const saved = await author.request({ method: 'POST', url: `${comments}/${id}/edit`, form: { _form, body: 'Typo fixed' } });
    expect(saved.statusCode).toBe(303);
    const permalink = await author.request({ method: 'GET', url: `${comments}/${id}` });
    expect(permalink.body).toContain('Typo fixed');
    expect(permalink.body).toContain('(edited)');
    const stranger = new ReaderSession(t.app, '192.0.2.71');
    expect((await stranger.request({ method: 'GET', url: `${comments}/${id}/edit` })).statusCode).toBe(403);
    t.clock.advance(16 * 60_000);
    const late = await author.request({ method: 'POST', url: `${comments}/${id}/edit`, form: { _form, body: 'Too late' } });
    expect(late.statusCode).toBe(403);
    expect((await t.store.read.comments.findById(Number(id)))?.body).toBe('Typo fixed');
  });

  it('answers bad addresses with 404, not 500', async () => {
    const reader = new ReaderSession(t.app);
    for (const url of [`${story}/comments/abc`, `${story}/comments/99999999`, '/en/a/x/0/comments', '/en/a/x/999999/comments']) {
      expect((await reader.request({ method: 'GET', url })).statusCode, url).toBe(404);
    }
  });
});
