import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostingDeps } from '../../src/actions/comments/guards.js';
import { postComment } from '../../src/actions/comments/post-comment.js';
import { setCommentSettings } from '../../src/actions/comments/set-comment-settings.js';
import { setCommentsState } from '../../src/actions/comments/set-comments-state.js';
import { getCommentsPage } from '../../src/actions/reader/get-comments-page.js';
import { getStoryPage } from '../../src/actions/reader/get-story-page.js';
import { STORE_KINDS } from '../support/databases.js';
import { postingDeps, readerPost, solvedWork } from '../support/comments.js';
import { givenPublishedStory, givenService, SYSTEM } from '../support/factories.js';
import { openTestStore, type TestStore } from '../support/store.js';

const EDITOR = SYSTEM;

describe.each(STORE_KINDS)('posting comments on %s', (kind) => {
  let t: TestStore;
  let deps: PostingDeps;
  let storyId: number;
  beforeEach(async () => {
    t = await openTestStore(kind);
    deps = postingDeps(t.deps);
    await givenService(t.deps);
    storyId = await givenPublishedStory(t.deps);
  });
  afterEach(async () => t.close());

  const stored = () => t.store.read.comments.countByStory(storyId);
  const count = async () => (await t.store.read.stories.findById(storyId))?.commentCount;

  it('posts a comment with a solved proof of work: visible, counted, announced; only hashes of who posted', async () => {
    t.events.length = 0;
    const comment = await readerPost(deps, { storyId, authorName: 'Aibek', body: 'First line\nsecond line', address: '203.0.113.9' });
    expect(comment).toMatchObject({ state: 'visible', authorName: 'Aibek', body: 'First line\nsecond line', parentId: null });
    expect(await count()).toBe(1);
    expect(t.events).toContainEqual({ type: 'comments.changed', storyId, serviceCode: 'en' });
    const provenance = await t.store.read.comments.findProvenance(comment.id);
    expect(provenance?.addressHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(await t.db.selectFrom('comments').selectAll().execute())).not.toContain('203.0.113.9');
  });

  it('threads replies two levels deep and pages top comments oldest or newest first', async () => {
    const first = await readerPost(deps, { storyId, authorName: 'A' });
    const reply = await readerPost(deps, { storyId, authorName: 'B', parentId: String(first.id) });
    const replyToReply = await readerPost(deps, { storyId, authorName: 'C', parentId: reply.id });
    t.clock.advance(1000);
    await readerPost(deps, { storyId, authorName: 'D' });
    const page = async (sort: 'oldest' | 'newest') => {
      const outcome = await getCommentsPage(t.deps, { serviceCode: 'en', slug: 'parliament-votes-on-budget', storyId, page: 1, sort });
      if (outcome.kind !== 'page') throw new Error('redirected');
      return outcome.page.model.threads;
    };
    const oldest = await page('oldest');
    expect(oldest.map((n) => n.comment.authorName)).toEqual(['A', 'D']);
    expect(oldest[0]?.replies[0]?.comment.id).toBe(reply.id);
    expect(oldest[0]?.replies[0]?.replies[0]?.comment.id).toBe(replyToReply.id);
    expect(replyToReply.rootId).toBe(first.id);
    expect((await page('newest')).map((n) => n.comment.authorName)).toEqual(['D', 'A']);
    expect(await count()).toBe(4);
  });

  it('holds a comment posted without proof of work by the no-script form, and refuses it from the script', async () => {
    const held = await postComment(deps, {
      storyId,
      authorName: 'No script',
      body: 'Plain form',
      proofOfWork: null,
      withoutProof: 'hold',
      address: '198.51.100.1',
      browserToken: null,
    });
    expect(held.state).toBe('held');
    expect(await count()).toBe(0);
    await expect(
      postComment(deps, { storyId, authorName: 'X', body: 'Y', proofOfWork: null, withoutProof: 'refuse', address: '198.51.100.2', browserToken: null }),
    ).rejects.toMatchObject({ code: 'POW_REQUIRED' });
    expect(await stored()).toBe(1);
  });

  it('refuses a wrong, expired or replayed proof of work, storing nothing for it', async () => {
    const work = await solvedWork(deps);
    const decoded = JSON.parse(Buffer.from(work, 'base64').toString()) as { number: number };
    const wrong = Buffer.from(JSON.stringify({ ...decoded, number: decoded.number + 1 })).toString('base64');
    await expect(readerPost(deps, { storyId, proofOfWork: wrong })).rejects.toMatchObject({ code: 'POW_INVALID' });
    await expect(readerPost(deps, { storyId, proofOfWork: 'not base64 json' })).rejects.toMatchObject({ code: 'POW_INVALID' });
    await readerPost(deps, { storyId, proofOfWork: work });
    await expect(readerPost(deps, { storyId, proofOfWork: work })).rejects.toMatchObject({ code: 'POW_REPLAYED' });
    const late = await solvedWork(deps);
    t.clock.advance(21 * 60_000);
    await expect(readerPost(deps, { storyId, proofOfWork: late })).rejects.toMatchObject({ code: 'POW_EXPIRED' });
    expect(await stored()).toBe(1);
  });

  it('refuses bad posts, each with its code, and stores nothing', async () => {
    const other = await givenPublishedStory(t.deps, { headline: 'Another story' });
    const elsewhere = await readerPost(deps, { storyId: other });
    await setCommentSettings(t.deps, EDITOR, 'en', { bannedWords: ['Scam'], maxLinks: 1 });
    const refusals: Array<[string, Parameters<typeof readerPost>[1]]> = [
      ['COMMENT_FIELD_REQUIRED', { storyId, authorName: '   ' }],
      ['COMMENT_FIELD_REQUIRED', { storyId, body: '' }],
      ['COMMENT_FIELD_INVALID', { storyId, body: 42 }],
      ['COMMENT_FIELD_TOO_LONG', { storyId, authorName: 'n'.repeat(81) }],
      ['COMMENT_FIELD_TOO_LONG', { storyId, body: 'b'.repeat(5001) }],
      ['COMMENT_CONTROL_CHARACTERS', { storyId, body: 'bell \u0007' }],
      ['COMMENT_CONTROL_CHARACTERS', { storyId, authorName: 'two\nlines' }],
      ['COMMENT_SPAM_SUSPECTED', { storyId, honeypot: 'http://spam.example' }],
      ['COMMENT_PARENT_INVALID', { storyId, parentId: elsewhere.id }],
      ['COMMENT_PARENT_INVALID', { storyId, parentId: 'abc' }],
      ['COMMENT_TOO_MANY_LINKS', { storyId, body: 'see https://a.example and www.b.example' }],
      ['COMMENT_BANNED_WORD', { storyId, body: 'What a SCAM this is' }],
      ['STORY_NOT_FOUND', { storyId: 999_999 }],
    ];
    for (const [code, input] of refusals) {
      await expect(readerPost(deps, input), code).rejects.toMatchObject({ code });
    }
    expect(await stored()).toBe(0);
    expect(await count()).toBe(0);
    // A banned word inside another word is not the word.
    await expect(readerPost(deps, { storyId, body: 'Scampi for dinner' })).resolves.toMatchObject({ state: 'visible' });
  });

  it('refuses the same text from the same author twice on a story, whatever its case, width and spacing', async () => {
    await readerPost(deps, { storyId, body: 'Same text', address: '192.0.2.7' });
    await expect(readerPost(deps, { storyId, body: 'Same text', address: '192.0.2.7' })).rejects.toMatchObject({ code: 'COMMENT_DUPLICATE' });
    await expect(readerPost(deps, { storyId, body: '  SAME\n\n ｔｅｘｔ ', address: '192.0.2.7' })).rejects.toMatchObject({ code: 'COMMENT_DUPLICATE' });
    await expect(readerPost(deps, { storyId, body: 'Same text, again', address: '192.0.2.7' })).resolves.toBeTruthy();
    await expect(readerPost(deps, { storyId, body: 'Same text', address: '192.0.2.8' })).resolves.toBeTruthy();
    expect(await stored()).toBe(3);
  });

  it('limits posts per address and per story', async () => {
    const limited = postingDeps(t.deps, { perAddress: { max: 2, windowMs: 60_000 }, perStory: { max: 3, windowMs: 60_000 } });
    await readerPost(limited, { storyId, address: '192.0.2.50' });
    await readerPost(limited, { storyId, address: '192.0.2.50' });
    await expect(readerPost(limited, { storyId, address: '192.0.2.50' })).rejects.toMatchObject({ code: 'RATE_LIMITED', kind: 'rate-limited' });
    await readerPost(limited, { storyId, address: '192.0.2.51' });
    await expect(readerPost(limited, { storyId, address: '192.0.2.52' })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(await stored()).toBe(3);
    t.clock.advance(61_000);
    await expect(readerPost(limited, { storyId, address: '192.0.2.50' })).resolves.toBeTruthy();
  });

  it('refuses posts to a closed forum, keeping its comments; closes by age per service setting', async () => {
    await readerPost(deps, { storyId });
    await setCommentsState(t.deps, SYSTEM, storyId, 'closed');
    await expect(readerPost(deps, { storyId })).rejects.toMatchObject({ code: 'COMMENTS_CLOSED', kind: 'conflict' });
    expect(await stored()).toBe(1);
    await setCommentsState(t.deps, SYSTEM, storyId, 'open');

    // Published 10 minutes ago; the service closes forums after 2 days.
    await setCommentSettings(t.deps, EDITOR, 'en', { autoCloseDays: 2 });
    const page = async () => {
      const outcome = await getStoryPage(t.deps, { serviceCode: 'en', slug: 'parliament-votes-on-budget', storyId });
      if (outcome.kind !== 'page') throw new Error('redirected');
      return outcome.page;
    };
    expect((await page()).model.forumClosed).toBe(false);
    expect((await page()).validUntil?.getTime()).toBe(t.clock.now().getTime() - 10 * 60_000 + 2 * 86_400_000);
    await readerPost(deps, { storyId });
    t.clock.advance(2 * 86_400_000);
    expect((await page()).model.forumClosed).toBe(true);
    await expect(readerPost(deps, { storyId })).rejects.toMatchObject({ code: 'COMMENTS_CLOSED' });
    expect(await stored()).toBe(2);
    expect(await count()).toBe(2);
  });

  it('holds every comment on a pre-moderated service', async () => {
    await setCommentSettings(t.deps, EDITOR, 'en', { moderation: 'pre' });
    const comment = await readerPost(deps, { storyId });
    expect(comment.state).toBe('held');
    expect(await count()).toBe(0);
  });

  it('refuses bad settings and keeps the old ones', async () => {
    await expect(setCommentSettings(t.deps, EDITOR, 'en', { moderation: 'sometimes' })).rejects.toMatchObject({ code: 'MODERATION_MODE_INVALID' });
    await expect(setCommentSettings(t.deps, EDITOR, 'en', { autoCloseDays: 0 })).rejects.toMatchObject({ code: 'AUTO_CLOSE_INVALID' });
    await expect(setCommentSettings(t.deps, EDITOR, 'en', { bannedWords: [''] })).rejects.toMatchObject({ code: 'BANNED_WORDS_INVALID' });
    await expect(setCommentSettings(t.deps, EDITOR, 'zz', {})).rejects.toMatchObject({ code: 'SERVICE_NOT_FOUND' });
    expect(await t.store.read.commentRules.settings('en')).toEqual({ serviceCode: 'en', moderation: 'post', autoCloseDays: null, maxLinks: 2, bannedWords: [] });
  });

  it('counts 200 comments posted at once to one story', async () => {
    const works = await Promise.all(Array.from({ length: 200 }, () => solvedWork(deps)));
    const results = await Promise.allSettled(works.map((work) => readerPost(deps, { storyId, proofOfWork: work })));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await count()).toBe(200);
    expect(await t.store.read.comments.countVisible(storyId)).toBe(200);
    expect(await stored()).toBe(200);
  });
});
