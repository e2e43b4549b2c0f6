import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { postingDeps, readerPost } from '../support/comments.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenPublishedStory, givenService } from '../support/factories.js';
import { API, givenUser, signInAs } from '../support/newsroom.js';

const DAY = 24 * 60 * 60_000;

describe.each(STORE_KINDS)('post-moderation over HTTP on %s: queue filters, bulk decisions, bans', (kind) => {
  let t: TestApp;
  let storyId: number;
  let ruStoryId: number;
  let moderator: Record<string, string>;
  let session: { cookie: string; csrfToken: string };

  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions, 'en');
    await givenService(t.actions, 'ru');
    storyId = await givenPublishedStory(t.actions, { headline: 'Storm <Warning>' });
    ruStoryId = await givenPublishedStory(t.actions, { serviceCode: 'ru', headline: 'Шторм' });
    moderator = (await givenUser(t.actions, 'mod-en', [{ role: 'moderator', serviceCode: 'en' }], { withPassword: true })).bearer;
    session = await signInAs(t, 'mod-en@example.org');
  });
  afterAll(async () => t.close());

  const post = (input: { storyId?: number; authorName?: string; address?: string; browserToken?: string } = {}) =>
    readerPost(postingDeps(t.actions), { storyId, ...input });
  const state = async (id: number) => (await t.store.read.comments.findById(id))?.state;
  const bans = () => t.store.read.commentRules.listBans('en', { limit: 100, offset: 0 });
  const form = (url: string, fields: Record<string, string>, csrf = session.csrfToken) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, service: 'en', show: 'all', page: '1', ...fields }).toString(),
    });
  const day = (offsetDays: number) => new Date(t.clock.now().getTime() + offsetDays * DAY).toISOString().slice(0, 10);

  it('Admin API: the queue shows visible comments, filtered; bulk reject is all or nothing; bans are listed, searched and lifted', async () => {
    const a = await post({ authorName: 'Api Ann' });
    const b = await post();
    const ru = await post({ storyId: ruStoryId });
    const queue = await t.app.inject({ method: 'GET', url: `${API}/comments/queue?service=en`, headers: moderator });
    expect((queue.json() as { items: Array<{ id: number; state: string }> }).items.map((c) => c.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    const held = await t.app.inject({ method: 'GET', url: `${API}/comments/queue?service=en&show=held&story=${storyId}`, headers: moderator });
    expect(held.json()).toMatchObject({ items: [] });
    expect((await t.app.inject({ method: 'GET', url: `${API}/comments/queue?service=en&show=nope`, headers: moderator })).statusCode).toBe(400);

    const bulk = (payload: unknown) => t.app.inject({ method: 'POST', url: `${API}/comments/bulk`, headers: moderator, payload: payload as Record<string, unknown> });
    const unknown = await bulk({ ids: [a.id, 999_999], decision: 'reject' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { code: 'COMMENTS_UNKNOWN', field: 'ids' } });
    expect((await bulk({ ids: [a.id, ru.id], decision: 'reject' })).statusCode).toBe(403);
    expect((await bulk({ ids: [], decision: 'reject' })).statusCode).toBe(400);
    // Up to 100 at once.
    const tooMany = await bulk({ ids: [a.id, ...Array.from({ length: 100 }, (_, i) => 1_000_000 + i)], decision: 'reject' });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ error: { code: 'FIELD_TOO_LONG', field: 'ids' } });
    expect(tooMany.json().error.message).toContain('100');
    expect((await bulk({ ids: [a.id], decision: 'delete' })).statusCode).toBe(400);
    expect(await state(a.id)).toBe('visible');
    const done = await bulk({ ids: [a.id, b.id], decision: 'reject' });
    expect(done.json()).toEqual({ items: [{ id: a.id, storyId, state: 'rejected' }, { id: b.id, storyId, state: 'rejected' }] });

    const banUrl = `${API}/comments/${a.id}/ban`;
    const refused = async (payload: Record<string, unknown>, code: string) => {
      const response = await t.app.inject({ method: 'POST', url: banUrl, headers: moderator, payload });
      expect(response.statusCode, code).toBe(400);
      expect(response.json()).toMatchObject({ error: { code } });
    };
    await refused({}, 'BAN_KIND_REQUIRED');
    await refused({ address: true }, 'BAN_END_REQUIRED');
    await refused({ address: true, until: new Date(t.clock.now().getTime() - DAY).toISOString() }, 'BAN_END_INVALID');
    expect(await bans()).toEqual([]);
    const banned = await t.app.inject({ method: 'POST', url: banUrl, headers: moderator, payload: { token: true, pseudonym: true } });
    expect(banned.json()).toMatchObject({ bannedBy: ['token', 'pseudonym'], removedComments: [] });

    const list = await t.app.inject({ method: 'GET', url: `${API}/comments/bans?service=en&q=ann`, headers: moderator });
    const items = (list.json() as { items: Array<Record<string, unknown>> }).items;
    expect(items.map((i) => [i.label, i.kind, i.standing, i.endsAt])).toEqual([
      ['Api Ann', 'pseudonym', true, null],
      ['Api Ann', 'token', true, null],
    ]);
    // Exactly the documented fields: no hash of a token, pseudonym or address leaves.
    expect(Object.keys(items[0]!).sort()).toEqual(['commentId', 'createdAt', 'endsAt', 'id', 'kind', 'label', 'liftedAt', 'serviceCode', 'standing']);
    const lifted = await t.app.inject({ method: 'POST', url: `${API}/comments/bans/${String(items[0]!.id)}/lift`, headers: moderator });
    expect(lifted.json()).toMatchObject({ id: items[0]!.id, standing: false });
    expect((await t.app.inject({ method: 'POST', url: `${API}/comments/bans/999999/lift`, headers: moderator })).statusCode).toBe(404);
    expect((await bans()).map((x) => x.kind)).toEqual(['token']);
    for (const ban of await bans()) await t.app.inject({ method: 'POST', url: `${API}/comments/bans/${ban.id}/lift`, headers: moderator });
  });

  it('newsroom: one form rejects the ticked comments; unknown ids are named on the same form and nothing changes; CSRF is checked', async () => {
    const a = await post({ authorName: 'Form Fay' });
    const b = await post();
    const page = await t.app.inject({ method: 'GET', url: '/newsroom/comments?service=en', headers: { cookie: session.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`name="comment-${a.id}"`);
    expect(page.body).toContain('action="/newsroom/comments/bulk"');

    const forged = await form('/newsroom/comments/bulk', { decision: 'reject', [`comment-${a.id}`]: '1' }, 'forged');
    expect(forged.statusCode).toBe(403);
    const unknown = await form('/newsroom/comments/bulk', { decision: 'reject', [`comment-${a.id}`]: '1', 'comment-999999': '1' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('There is no comment 999999; nothing was changed');
    expect(unknown.body).toMatch(new RegExp(`name="comment-${a.id}" value="1" form="bulk" checked`));
    const none = await form('/newsroom/comments/bulk', { decision: 'reject' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Choose at least one comment');
    expect([await state(a.id), await state(b.id)]).toEqual(['visible', 'visible']);

    const done = await form('/newsroom/comments/bulk', { decision: 'reject', [`comment-${a.id}`]: '1', [`comment-${b.id}`]: '1' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/newsroom/comments?service=en&show=all&done=bulk&count=2&decided=${a.id},${b.id}`);
    expect([await state(a.id), await state(b.id)]).toEqual(['rejected', 'rejected']);
    const after = await t.app.inject({ method: 'GET', url: done.headers.location as string, headers: { cookie: session.cookie } });
    expect(after.body).toContain('Comments changed: 2.');
    // Each decided comment links its own ban page, to ban the author after the rejection.
    expect(after.body).toContain(`href="/newsroom/comments/${a.id}/ban?service=en&amp;show=all">Ban the author, <bdi>Form Fay</bdi>`);
  });

  it('newsroom: a ban form refuses no target, an address without an end or an end in the past on the same form; a token ban spares the neighbour', async () => {
    const address = '198.51.100.200';
    const larry = await post({ authorName: 'Form Larry', address, browserToken: 'token-form-larry-aaaaaaaaaaaa' });
    const url = `/newsroom/comments/${larry.id}/ban`;
    const cases: Array<[Record<string, string>, string]> = [
      [{}, 'Choose whom to ban'],
      [{ 'by-address': '1' }, 'An address ban needs an end'],
      [{ 'by-address': '1', until: day(-1) }, 'The end of a ban must be a date in the future'],
      [{ 'by-address': '1', until: day(40) }, 'within 30 days'],
      [{ 'by-token': '1', until: 'tomorrow' }, 'The end of a ban must be a date in the future'],
    ];
    for (const [fields, message] of cases) {
      const response = await form(url, fields);
      expect(response.statusCode, message).toBe(400);
      expect(response.body).toContain(message);
      // The message stands in the ban form of that comment, with what was chosen.
      const banForm = response.body.slice(response.body.indexOf(`action="${url}"`));
      expect(banForm.slice(0, banForm.indexOf('</form>'))).toContain('role="alert"');
    }
    expect(await bans()).toEqual([]);

    const done = await form(url, { 'by-token': '1', 'by-pseudonym': '1', removeQueued: '1' });
    expect(done.statusCode).toBe(303);
    await expect(post({ address, browserToken: 'token-form-larry-aaaaaaaaaaaa' })).rejects.toMatchObject({ code: 'COMMENT_AUTHOR_BANNED' });
    await expect(post({ address, authorName: 'Neighbour Nia' })).resolves.toMatchObject({ state: 'visible' });

    const list = await t.app.inject({ method: 'GET', url: '/newsroom/comments/bans?service=en&q=larry', headers: { cookie: session.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('<bdi>Form Larry</bdi>');
    const [first] = await bans();
    const lift = await form(`/newsroom/comments/bans/${first!.id}/lift`, { q: 'larry' });
    expect(lift.statusCode).toBe(303);
    expect(lift.headers.location).toBe('/newsroom/comments/bans?service=en&q=larry&lifted=1');
    expect((await bans()).map((b) => b.id)).not.toContain(first!.id);
  });
});
