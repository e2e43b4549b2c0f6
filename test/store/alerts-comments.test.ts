import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAlert } from '../../src/actions/alerts/create-alert.js';
import { expireAlert } from '../../src/actions/alerts/expire-alert.js';
import { setCommentsState } from '../../src/actions/comments/set-comments-state.js';
import { loadMasthead } from '../../src/actions/reader/load-masthead.js';
import { getCommentsPage } from '../../src/actions/reader/get-comments-page.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenPublishedStory, givenService, SYSTEM } from '../support/factories.js';
import { openTestStore, type TestStore } from '../support/store.js';
import { storeComment } from '../../src/demo/seed.js';

describe.each(STORE_KINDS)('alerts on %s', (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
    await givenService(t.deps);
  });
  afterEach(async () => t.close());

  it('shows the newest live alert of the service, from its start until it expires', async () => {
    const now = t.clock.now();
    const alert = await createAlert(t.deps, SYSTEM, { serviceCode: 'en', text: 'Opposition claims power', linkUrl: '/en/', durationMinutes: 30 });
    const later = await createAlert(t.deps, SYSTEM, {
      serviceCode: 'en',
      text: 'Later alert',
      startsAt: new Date(now.getTime() + 10 * 60_000),
      durationMinutes: 5,
    });
    const live = async () => (await loadMasthead(t.deps, 'en', t.clock.now())).masthead.alert?.text ?? null;
    const next = async () => (await loadMasthead(t.deps, 'en', t.clock.now())).validUntil;

    expect(await live()).toBe('Opposition claims power');
    expect(await next()).toEqual(later.startsAt);
    t.clock.advance(11 * 60_000);
    expect(await live()).toBe('Later alert');
    expect(await next()).toEqual(later.expiresAt);
    t.clock.advance(5 * 60_000);
    expect(await live()).toBe('Opposition claims power');
    expect(await next()).toEqual(alert.expiresAt);
    await expireAlert(t.deps, SYSTEM, alert.id);
    expect(await live()).toBeNull();
    expect(await next()).toBeNull();
    expect(t.events.filter((e) => e.type === 'alert.changed')).toHaveLength(3);
  });

  it('refuses bad alerts and stores nothing', async () => {
    const count = async () => Number((await t.db.selectFrom('alerts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    await expect(createAlert(t.deps, SYSTEM, { serviceCode: 'en', text: '', durationMinutes: 5 })).rejects.toMatchObject({ field: 'text' });
    await expect(createAlert(t.deps, SYSTEM, { serviceCode: 'en', text: 'x', durationMinutes: 0 })).rejects.toMatchObject({ field: 'durationMinutes' });
    await expect(createAlert(t.deps, SYSTEM, { serviceCode: 'en', text: 'x', linkUrl: 'javascript:alert(1)', durationMinutes: 5 })).rejects.toMatchObject({
      field: 'linkUrl',
    });
    await expect(createAlert(t.deps, SYSTEM, { serviceCode: 'zz', text: 'x', durationMinutes: 5 })).rejects.toMatchObject({ code: 'SERVICE_NOT_FOUND' });
    await expect(expireAlert(t.deps, SYSTEM, 999)).rejects.toMatchObject({ code: 'ALERT_NOT_FOUND' });
    expect(await count()).toBe(0);
  });
});

describe.each(STORE_KINDS)('comments on %s', (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
    await givenService(t.deps);
  });
  afterEach(async () => t.close());

  it('counts visible comments only, and keeps replies with their parent', async () => {
    const storyId = await givenPublishedStory(t.deps);
    const first = await storeComment(t.deps, { storyId, authorName: 'Aibek', body: 'First', state: 'visible' });
    await storeComment(t.deps, { storyId, parentId: first, authorName: 'Marina', body: 'Reply', state: 'visible' });
    await storeComment(t.deps, { storyId, authorName: 'Spammer', body: 'Buy now', state: 'spam' });
    await storeComment(t.deps, { storyId, authorName: 'Waiting', body: 'Held', state: 'held' });
    const story = await t.store.read.stories.findById(storyId);
    expect(story?.commentCount).toBe(2);
    expect(await t.store.read.comments.countVisible(storyId)).toBe(2);
    const page = await getCommentsPage(t.deps, { serviceCode: 'en', slug: 'parliament-votes-on-budget', storyId, page: 1 });
    const threads = page.kind === 'page' ? page.page.model.threads : [];
    expect(threads.map((n) => [n.comment.authorName, n.replies.map((r) => [r.comment.authorName, r.comment.parentId])])).toEqual([
      ['Aibek', [['Marina', first]]],
    ]);
  });

  it('keeps the count right when many comments arrive at once', async () => {
    const storyId = await givenPublishedStory(t.deps);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => storeComment(t.deps, { storyId, authorName: `Reader ${i}`, body: `Comment ${i}`, state: 'visible' })),
    );
    expect((await t.store.read.stories.findById(storyId))?.commentCount).toBe(50);
    expect(await t.store.read.comments.countVisible(storyId)).toBe(50);
  });

  it('closes and reopens the forum, keeping the comments', async () => {
    const storyId = await givenPublishedStory(t.deps);
    await storeComment(t.deps, { storyId, authorName: 'Aibek', body: 'Before closing', state: 'visible' });
    await setCommentsState(t.deps, SYSTEM, storyId, 'closed');
    expect((await t.store.read.stories.findById(storyId))?.commentsState).toBe('closed');
    expect(await t.store.read.comments.countVisible(storyId)).toBe(1);
    await setCommentsState(t.deps, SYSTEM, storyId, 'open');
    expect((await t.store.read.stories.findById(storyId))?.commentsState).toBe('open');
    await expect(setCommentsState(t.deps, SYSTEM, storyId, 'locked')).rejects.toMatchObject({ field: 'commentsState' });
  });

  it('refuses a reply to a comment on another story, and blank comments, storing nothing', async () => {
    const a = await givenPublishedStory(t.deps, { headline: 'A' });
    const b = await givenPublishedStory(t.deps, { headline: 'B' });
    const onA = await storeComment(t.deps, { storyId: a, authorName: 'X', body: 'On A', state: 'visible' });
    await expect(storeComment(t.deps, { storyId: b, parentId: onA, authorName: 'Y', body: 'Wrong thread', state: 'visible' })).rejects.toMatchObject({
      code: 'COMMENT_PARENT_INVALID',
    });
    await expect(storeComment(t.deps, { storyId: b, authorName: 'Y', body: '   ', state: 'visible' })).rejects.toMatchObject({ field: 'body' });
    await expect(storeComment(t.deps, { storyId: 999, authorName: 'Y', body: 'x', state: 'visible' })).rejects.toMatchObject({ code: 'STORY_NOT_FOUND' });
    expect((await t.store.read.stories.findById(b))?.commentCount).toBe(0);
    expect(await t.store.read.comments.countVisible(b)).toBe(0);
  });
});
