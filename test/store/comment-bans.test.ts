import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { banCommentAuthor } from '../../src/actions/comments/ban-comment-author.js';
import type { PostingDeps } from '../../src/actions/comments/guards.js';
import { liftCommentBan } from '../../src/actions/comments/lift-comment-ban.js';
import { listCommentBans } from '../../src/actions/comments/list-comment-bans.js';
import { listModerationQueue } from '../../src/actions/comments/list-moderation-queue.js';
import { moderateComments } from '../../src/actions/comments/moderate-comment.js';
import { reportComment } from '../../src/actions/comments/report-comment.js';
import { setCommentSettings } from '../../src/actions/comments/set-comment-settings.js';
import type { BanRequest } from '../../src/domain/comment/ban.js';
import { userActor, type Actor } from '../../src/domain/user/user.js';
import { postingDeps, readerPost } from '../support/comments.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenPublishedStory, givenService, SYSTEM } from '../support/factories.js';
import { givenUser } from '../support/newsroom.js';
import { openTestStore, type TestStore } from '../support/store.js';

const DAY = 24 * 60 * 60_000;
const SHARED_ADDRESS = '203.0.113.9';

describe.each(STORE_KINDS)('post-moderation: the queue, bulk decisions and bans on %s', (kind) => {
  let t: TestStore;
  let deps: PostingDeps;
  let storyId: number;
  let otherStoryId: number;
  let ruStoryId: number;
  let MOD: Actor;
  let RU_MOD: Actor;
  beforeEach(async () => {
    t = await openTestStore(kind);
    deps = postingDeps(t.deps);
    await givenService(t.deps);
    await givenService(t.deps, 'ru');
    storyId = await givenPublishedStory(t.deps, { headline: 'Flood' });
    otherStoryId = await givenPublishedStory(t.deps, { headline: 'Drought' });
    ruStoryId = await givenPublishedStory(t.deps, { serviceCode: 'ru', headline: 'Паводок' });
    MOD = userActor({ id: (await givenUser(t.deps, 'mira', [{ role: 'moderator', serviceCode: 'en' }])).id, grants: [{ role: 'moderator', serviceCode: 'en' }] });
    RU_MOD = userActor({ id: (await givenUser(t.deps, 'rus', [{ role: 'moderator', serviceCode: 'ru' }])).id, grants: [{ role: 'moderator', serviceCode: 'ru' }] });
  });
  afterEach(async () => t.close());

  const queue = async (filter: { show?: string; storyId?: number } = {}) =>
    (await listModerationQueue(t.deps, MOD, 'en', 1, filter)).comments.map((c) => c.id);
  const state = async (id: number) => (await t.store.read.comments.findById(id))?.state;
  const count = async (id: number) => (await t.store.read.stories.findById(id))?.commentCount;
  const audit = async () => (await t.store.read.audit.list(200, 0)).map((e) => [e.action, e.subject]);
  const ban = (id: number, request: Partial<BanRequest>, who: Actor = MOD) =>
    banCommentAuthor(t.deps, who, id, { kinds: ['token'], endsAt: null, removeQueued: false, ...request });

  it('shows the visible comments of the last days under "all", newest first, with held and reported ones; filters by kind and story', async () => {
    const old = await readerPost(deps, { storyId });
    const oldReported = await readerPost(deps, { storyId });
    t.clock.advance(8 * DAY);
    await reportComment(deps, { commentId: oldReported.id, address: '192.0.2.50', browserToken: null });
    const recent = await readerPost(deps, { storyId });
    const onOther = await readerPost(deps, { storyId: otherStoryId });
    await setCommentSettings(t.deps, SYSTEM, 'en', { moderation: 'pre' });
    const held = await readerPost(deps, { storyId });
    await readerPost(deps, { storyId: ruStoryId });

    expect(await queue()).toEqual([held.id, onOther.id, recent.id, oldReported.id]);
    expect(await queue()).not.toContain(old.id);
    expect(await queue({ show: 'held' })).toEqual([held.id]);
    expect(await queue({ show: 'reported' })).toEqual([oldReported.id]);
    expect(await queue({ storyId: otherStoryId })).toEqual([onOther.id]);
    expect(await queue({ show: 'held', storyId: otherStoryId })).toEqual([]);
    await expect(queue({ show: 'everything' })).rejects.toMatchObject({ code: 'QUEUE_FILTER_INVALID' });
    await expect(listModerationQueue(t.deps, RU_MOD, 'en', 1)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('rejects several visible comments at once, each counted and audited; an unknown id or a foreign comment changes nothing', async () => {
    const a = await readerPost(deps, { storyId });
    const b = await readerPost(deps, { storyId });
    const c = await readerPost(deps, { storyId: otherStoryId });
    const ru = await readerPost(deps, { storyId: ruStoryId });
    expect(await count(storyId)).toBe(2);
    const auditBefore = await audit();

    await expect(moderateComments(t.deps, MOD, [a.id, 999_999], 'reject')).rejects.toMatchObject({ code: 'COMMENTS_UNKNOWN' });
    await expect(moderateComments(t.deps, MOD, [a.id, ru.id], 'reject')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(moderateComments(t.deps, MOD, [], 'reject')).rejects.toMatchObject({ code: 'COMMENTS_NOT_CHOSEN' });
    await expect(moderateComments(t.deps, MOD, [a.id], 'delete')).rejects.toMatchObject({ code: 'MODERATION_DECISION_INVALID' });
    expect([await state(a.id), await state(ru.id)]).toEqual(['visible', 'visible']);
    expect(await count(storyId)).toBe(2);
    expect(await audit()).toEqual(auditBefore);

    const decided = await moderateComments(t.deps, MOD, [a.id, b.id, c.id, a.id], 'reject');
    expect(decided.map((d) => d.state)).toEqual(['rejected', 'rejected', 'rejected']);
    expect([await count(storyId), await count(otherStoryId)]).toEqual([0, 0]);
    expect((await audit()).filter(([action]) => action === 'comment.reject')).toEqual(
      [c, b, a].map((x) => ['comment.reject', `comment:${x.id}`]),
    );
    await moderateComments(t.deps, MOD, [a.id], 'approve');
    expect(await count(storyId)).toBe(1);
  });

  it('a token or pseudonym ban stops that reader only: another reader behind the same address still posts', async () => {
    const banned = await readerPost(deps, { storyId, authorName: 'Loud Larry', address: SHARED_ADDRESS, browserToken: 'token-larry-aaaaaaaaaaaaaaaa' });
    const result = await ban(banned.id, { kinds: ['token', 'pseudonym'] });
    expect(result.bannedBy).toEqual(['token', 'pseudonym']);

    const refused = { code: 'COMMENT_AUTHOR_BANNED' };
    await expect(readerPost(deps, { storyId, authorName: 'New Name', address: '198.51.100.1', browserToken: 'token-larry-aaaaaaaaaaaaaaaa' })).rejects.toMatchObject(refused);
    await expect(readerPost(deps, { storyId, authorName: 'loud  LARRY', address: '198.51.100.2', browserToken: 'token-fresh-bbbbbbbbbbbbbbbb' })).rejects.toMatchObject(refused);
    const neighbour = await readerPost(deps, { storyId, authorName: 'Quiet Quinn', address: SHARED_ADDRESS, browserToken: 'token-quinn-cccccccccccccccc' });
    expect(neighbour.state).toBe('visible');
    // The ban holds on its service only.
    await expect(readerPost(deps, { storyId: ruStoryId, authorName: 'Loud Larry', browserToken: 'token-larry-aaaaaaaaaaaaaaaa' })).resolves.toBeTruthy();
  });

  it('bans an address only with an end within 30 days, and only until then', async () => {
    const post = await readerPost(deps, { storyId, address: SHARED_ADDRESS });
    const now = t.clock.now().getTime();
    const auditBefore = await audit();
    await expect(ban(post.id, { kinds: ['address'] })).rejects.toMatchObject({ code: 'BAN_END_REQUIRED', field: 'until' });
    await expect(ban(post.id, { kinds: ['address'], endsAt: new Date(now - 1000) })).rejects.toMatchObject({ code: 'BAN_END_INVALID' });
    await expect(ban(post.id, { kinds: ['address'], endsAt: new Date(now + 31 * DAY) })).rejects.toMatchObject({ code: 'BAN_END_INVALID' });
    await expect(ban(post.id, { kinds: ['token'], endsAt: new Date(Number.NaN) })).rejects.toMatchObject({ code: 'BAN_END_INVALID' });
    await expect(ban(post.id, { kinds: [] })).rejects.toMatchObject({ code: 'BAN_KIND_REQUIRED' });
    expect(await t.store.read.commentRules.listBans('en', { limit: 10, offset: 0 })).toEqual([]);
    expect(await audit()).toEqual(auditBefore);

    await ban(post.id, { kinds: ['address'], endsAt: new Date(now + 2 * DAY) });
    await expect(readerPost(deps, { storyId, address: SHARED_ADDRESS })).rejects.toMatchObject({ code: 'COMMENT_AUTHOR_BANNED' });
    await expect(readerPost(deps, { storyId, address: '203.0.113.10' })).resolves.toBeTruthy();
    t.clock.advance(2 * DAY + 1);
    await expect(readerPost(deps, { storyId, address: SHARED_ADDRESS })).resolves.toBeTruthy();
    const [ended] = (await listCommentBans(t.deps, MOD, 'en', { page: 1 })).bans;
    expect(ended).toMatchObject({ kind: 'address', endsAt: new Date(now + 2 * DAY), liftedAt: null });
  });

  it("removes the person's queued comments when asked, and only theirs", async () => {
    await setCommentSettings(t.deps, SYSTEM, 'en', { moderation: 'pre' });
    const token = 'token-spammer-dddddddddddddddd';
    const first = await readerPost(deps, { storyId, browserToken: token, address: SHARED_ADDRESS });
    const second = await readerPost(deps, { storyId: otherStoryId, browserToken: token, address: '198.51.100.3' });
    const neighbour = await readerPost(deps, { storyId, address: SHARED_ADDRESS });
    const result = await ban(first.id, { kinds: ['token'], removeQueued: true });
    expect(result.removedComments.sort()).toEqual([first.id, second.id].sort());
    expect([await state(first.id), await state(second.id), await state(neighbour.id)]).toEqual(['rejected', 'rejected', 'held']);
    expect(await queue({ show: 'held' })).toEqual([neighbour.id]);
    const actions = (await audit()).map(([action]) => action);
    expect(actions.filter((a) => a === 'comment.reject')).toHaveLength(2);
    expect(actions.filter((a) => a === 'comment.ban')).toHaveLength(1);
    // By pseudonym: the same name, however spelled, from any browser.
    const named = await readerPost(deps, { storyId, authorName: 'Spam King', browserToken: 'token-king-one-gggggggggggggg' });
    const renamed = await readerPost(deps, { storyId: otherStoryId, authorName: 'SPAM  king', browserToken: 'token-king-two-hhhhhhhhhhhhhh' });
    const other = await readerPost(deps, { storyId, authorName: 'Spam Queen', browserToken: 'token-king-one-gggggggggggggg' });
    const byName = await ban(named.id, { kinds: ['pseudonym'], removeQueued: true });
    expect(byName.removedComments.sort()).toEqual([named.id, renamed.id].sort());
    expect(await state(other.id)).toBe('held');
  });

  it('lists and searches bans, renews a second ban of the same person, and lifts a ban so the person posts again', async () => {
    const larry = await readerPost(deps, { storyId, authorName: 'Loud Larry', browserToken: 'token-larry-eeeeeeeeeeeeeeee' });
    const mona = await readerPost(deps, { storyId, authorName: 'Mona', browserToken: 'token-mona-ffffffffffffffffff' });
    const results = await Promise.allSettled([ban(larry.id, {}), ban(larry.id, {})]);
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    await ban(mona.id, { kinds: ['pseudonym'], endsAt: new Date(t.clock.now().getTime() + 5 * DAY) });
    const all = (await listCommentBans(t.deps, MOD, 'en', { page: 1 })).bans;
    expect(all.map((b) => [b.label, b.kind])).toEqual([
      ['Mona', 'pseudonym'],
      ['Loud Larry', 'token'],
    ]);
    expect((await listCommentBans(t.deps, MOD, 'en', { page: 1, text: 'larr' })).bans.map((b) => b.label)).toEqual(['Loud Larry']);
    expect((await listCommentBans(t.deps, MOD, 'en', { page: 1, text: '100%' })).bans).toEqual([]);
    await expect(listCommentBans(t.deps, RU_MOD, 'en', { page: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const larryBan = all[1]!;
    await expect(liftCommentBan(t.deps, RU_MOD, larryBan.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(liftCommentBan(t.deps, MOD, 999_999)).rejects.toMatchObject({ code: 'BAN_NOT_FOUND' });
    await expect(readerPost(deps, { storyId, browserToken: 'token-larry-eeeeeeeeeeeeeeee' })).rejects.toMatchObject({ code: 'COMMENT_AUTHOR_BANNED' });
    const lifted = await liftCommentBan(t.deps, MOD, larryBan.id);
    expect(lifted.liftedAt).toEqual(t.clock.now());
    await expect(readerPost(deps, { storyId, browserToken: 'token-larry-eeeeeeeeeeeeeeee' })).resolves.toBeTruthy();
    expect((await listCommentBans(t.deps, MOD, 'en', { page: 1 })).bans.map((b) => b.label)).toEqual(['Mona']);
    expect((await audit()).filter(([action]) => action === 'comment.unban')).toEqual([['comment.unban', `ban:${larryBan.id}`]]);
    // Lifting it again changes nothing.
    await liftCommentBan(t.deps, MOD, larryBan.id);
    expect((await audit()).filter(([action]) => action === 'comment.unban')).toHaveLength(1);
  });
});
