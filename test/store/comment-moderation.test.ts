import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approveComment } from '../../src/actions/comments/approve-comment.js';
import { banCommentAuthor } from '../../src/actions/comments/ban-comment-author.js';
import { deleteOwnComment } from '../../src/actions/comments/delete-own-comment.js';
import { editOwnComment } from '../../src/actions/comments/edit-own-comment.js';
import type { PostingDeps } from '../../src/actions/comments/guards.js';
import { listModerationQueue } from '../../src/actions/comments/list-moderation-queue.js';
import { markCommentSpam } from '../../src/actions/comments/mark-comment-spam.js';
import { rejectComment } from '../../src/actions/comments/reject-comment.js';
import { reportComment } from '../../src/actions/comments/report-comment.js';
import { setCommentSettings } from '../../src/actions/comments/set-comment-settings.js';
import { STORE_KINDS } from '../support/databases.js';
import { postingDeps, readerPost } from '../support/comments.js';
import { userActor, type Actor, type RoleGrant } from '../../src/domain/user/user.js';
import { givenPublishedStory, givenService, SYSTEM } from '../support/factories.js';
import { givenUser } from '../support/newsroom.js';
import { openTestStore, type TestStore } from '../support/store.js';

describe.each(STORE_KINDS)('moderating comments on %s', (kind) => {
  let t: TestStore;
  let deps: PostingDeps;
  let storyId: number;
  let MOD: Actor;
  let OTHER_MOD: Actor;
  let RU_MOD: Actor;
  let EN_EDITOR: Actor;
  let REPORTER: Actor;
  const actor = async (name: string, grants: RoleGrant[]) => userActor({ id: (await givenUser(t.deps, name, grants)).id, grants });
  beforeEach(async () => {
    t = await openTestStore(kind);
    deps = postingDeps(t.deps);
    await givenService(t.deps);
    await givenService(t.deps, 'ru');
    storyId = await givenPublishedStory(t.deps);
    MOD = await actor('mira', [{ role: 'moderator', serviceCode: 'en' }]);
    OTHER_MOD = await actor('otto', [{ role: 'moderator', serviceCode: 'en' }]);
    RU_MOD = await actor('rus', [{ role: 'moderator', serviceCode: 'ru' }]);
    EN_EDITOR = await actor('ede', [{ role: 'editor', serviceCode: 'en' }]);
    REPORTER = await actor('rita', [{ role: 'reporter', serviceCode: 'en' }]);
  });
  afterEach(async () => t.close());

  const count = async () => (await t.store.read.stories.findById(storyId))?.commentCount;
  const queueIds = async (show: 'held' | 'reported' = 'held') => (await listModerationQueue(t.deps, SYSTEM, 'en', 1, { show })).comments.map((c) => c.id);
  const log = async () =>
    (await t.store.read.audit.list(50, 0)).filter((e) => e.action.startsWith('comment')).map((e) => [e.action, e.userId, e.subject]);
  const idOf = (a: Actor) => (a.kind === 'user' ? a.userId : null);

  it('approves a held comment into view, then rejects or marks spam, keeping the count and the audit log', async () => {
    await setCommentSettings(t.deps, EN_EDITOR, 'en', { moderation: 'pre' });
    const held = await readerPost(deps, { storyId });
    const other = await readerPost(deps, { storyId });
    expect(await queueIds()).toEqual([held.id, other.id]);
    expect(await count()).toBe(0);

    t.events.length = 0;
    await approveComment(t.deps, MOD, held.id);
    expect(await count()).toBe(1);
    expect(t.events).toContainEqual({ type: 'comments.changed', storyId, serviceCode: 'en', approvedCommentId: held.id });
    expect(await queueIds()).toEqual([other.id]);

    await rejectComment(t.deps, MOD, held.id);
    expect(await count()).toBe(0);
    await markCommentSpam(t.deps, MOD, other.id);
    expect(await count()).toBe(0);
    expect(await queueIds()).toEqual([]);
    expect(await t.store.read.comments.countVisible(storyId)).toBe(0);
    expect(await log()).toEqual([
      ['comment.spam', idOf(MOD), `comment:${other.id}`],
      ['comment.reject', idOf(MOD), `comment:${held.id}`],
      ['comment.approve', idOf(MOD), `comment:${held.id}`],
      ['comment.held', null, `comment:${other.id}`],
      ['comment.held', null, `comment:${held.id}`],
      ['comments.settings', idOf(EN_EDITOR), 'service:en'],
    ]);
  });

  it('counts a comment approved by two moderators at once only once', async () => {
    await setCommentSettings(t.deps, SYSTEM, 'en', { moderation: 'pre' });
    const held = await readerPost(deps, { storyId });
    const results = await Promise.allSettled([approveComment(t.deps, MOD, held.id), approveComment(t.deps, OTHER_MOD, held.id)]);
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    expect(await count()).toBe(1);
  });

  it('puts reported comments in the queue, once per reader', async () => {
    const comment = await readerPost(deps, { storyId });
    const report = (address: string) => reportComment(deps, { commentId: comment.id, address, browserToken: null });
    expect(await report('192.0.2.1')).toEqual({ reported: true });
    expect(await report('192.0.2.1')).toEqual({ reported: false });
    await report('192.0.2.2');
    expect(await t.store.read.comments.reportCount(comment.id)).toBe(2);
    expect(await queueIds('reported')).toEqual([comment.id]);
    await approveComment(t.deps, MOD, comment.id);
    expect(await queueIds('reported')).toEqual([]);
    await expect(reportComment(deps, { commentId: 999_999, address: 'x', browserToken: null })).rejects.toMatchObject({ code: 'COMMENT_NOT_FOUND' });
  });

  it('bans an author by address hash (for a while) and by browser token', async () => {
    const until = new Date(t.clock.now().getTime() + 24 * 60 * 60_000);
    const byAddress = await readerPost(deps, { storyId, address: '198.51.100.77', browserToken: 'token-aaaaaaaaaaaaaaaaaaaaaaa' });
    await banCommentAuthor(t.deps, MOD, byAddress.id, { kinds: ['address'], endsAt: until, removeQueued: false });
    await expect(readerPost(deps, { storyId, address: '198.51.100.77' })).rejects.toMatchObject({ code: 'COMMENT_AUTHOR_BANNED' });
    await expect(readerPost(deps, { storyId, browserToken: 'token-aaaaaaaaaaaaaaaaaaaaaaa' })).resolves.toBeTruthy();

    const byToken = await readerPost(deps, { storyId, address: '198.51.100.78', browserToken: 'token-bbbbbbbbbbbbbbbbbbbbbbb' });
    await banCommentAuthor(t.deps, MOD, byToken.id, { kinds: ['token'], endsAt: null, removeQueued: false });
    await expect(readerPost(deps, { storyId, address: '198.51.100.99', browserToken: 'token-bbbbbbbbbbbbbbbbbbbbbbb' })).rejects.toMatchObject({
      code: 'COMMENT_AUTHOR_BANNED',
    });
    await expect(banCommentAuthor(t.deps, MOD, byToken.id, { kinds: [], endsAt: null, removeQueued: false })).rejects.toMatchObject({ code: 'BAN_KIND_REQUIRED' });
    await expect(banCommentAuthor(t.deps, MOD, 999_999, { kinds: ['token'], endsAt: null, removeQueued: false })).rejects.toMatchObject({ code: 'COMMENT_NOT_FOUND' });
    expect((await log()).filter(([action]) => action === 'comment.ban')).toHaveLength(2);
  });

  it('refuses people without the permission on the comment\'s service, and changes nothing', async () => {
    await setCommentSettings(t.deps, SYSTEM, 'en', { moderation: 'pre' });
    const held = await readerPost(deps, { storyId, address: '198.51.100.5', browserToken: 'token-eeeeeeeeeeeeeeeeeeeeeeeeee' });
    const auditBefore = await t.store.read.audit.list(50, 0);
    const settingsBefore = await t.store.read.commentRules.settings('en');
    for (const who of [RU_MOD, REPORTER]) {
      await expect(approveComment(t.deps, who, held.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(rejectComment(t.deps, who, held.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(markCommentSpam(t.deps, who, held.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(banCommentAuthor(t.deps, who, held.id, { kinds: ['token', 'pseudonym'], endsAt: null, removeQueued: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(listModerationQueue(t.deps, who, 'en', 1)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    // Moderators moderate; only editors (and admins) change the service's rules.
    await expect(setCommentSettings(t.deps, MOD, 'en', { moderation: 'post' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(setCommentSettings(t.deps, RU_MOD, 'en', { moderation: 'post' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await t.store.read.comments.findById(held.id))?.state).toBe('held');
    expect(await count()).toBe(0);
    expect(await queueIds()).toEqual([held.id]);
    expect(await t.store.read.commentRules.settings('en')).toEqual(settingsBefore);
    expect(await t.store.read.commentRules.listBans('en', { limit: 10, offset: 0 })).toEqual([]);
    await expect(readerPost(deps, { storyId, address: '198.51.100.5', browserToken: 'token-eeeeeeeeeeeeeeeeeeeeeeeeee' })).resolves.toBeTruthy();
    expect((await t.store.read.audit.list(50, 0)).length).toBe(auditBefore.length + 1); // only the new held comment
    expect((await listModerationQueue(t.deps, RU_MOD, 'ru', 1)).comments).toEqual([]);
    await expect(approveComment(t.deps, EN_EDITOR, held.id)).resolves.toMatchObject({ state: 'visible' });
    expect(await count()).toBe(1);
  });

  it('lets the author edit or delete their comment for a few minutes, from their browser only', async () => {
    const token = 'token-owner-cccccccccccccccccc';
    const comment = await readerPost(deps, { storyId, body: 'Original', browserToken: token });
    await expect(editOwnComment(deps, { commentId: comment.id, browserToken: 'token-someone-else-ddddddddddd', body: 'Hijack' })).rejects.toMatchObject({
      code: 'COMMENT_NOT_YOURS',
    });
    await expect(editOwnComment(deps, { commentId: comment.id, browserToken: token, body: '' })).rejects.toMatchObject({ code: 'COMMENT_FIELD_REQUIRED' });
    const edited = await editOwnComment(deps, { commentId: comment.id, browserToken: token, body: 'Corrected' });
    expect(edited.body).toBe('Corrected');
    expect((await t.store.read.comments.findById(comment.id))?.editedAt).toEqual(t.clock.now());

    const second = await readerPost(deps, { storyId, browserToken: token });
    expect(await count()).toBe(2);
    await deleteOwnComment(deps, { commentId: second.id, browserToken: token });
    expect(await count()).toBe(1);
    expect(await t.store.read.comments.findById(second.id)).toBeUndefined();

    t.clock.advance(16 * 60_000);
    await expect(editOwnComment(deps, { commentId: comment.id, browserToken: token, body: 'Too late' })).rejects.toMatchObject({ code: 'COMMENT_EDIT_EXPIRED' });
    await expect(deleteOwnComment(deps, { commentId: comment.id, browserToken: token })).rejects.toMatchObject({ code: 'COMMENT_EDIT_EXPIRED' });
    expect((await t.store.read.comments.findById(comment.id))?.body).toBe('Corrected');
  });
});
