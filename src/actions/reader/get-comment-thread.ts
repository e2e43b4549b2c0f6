import type { Comment } from '../../domain/comment/comment.js';
import { isForumClosed } from '../../domain/comment/comment-settings.js';
import { buildThreads, type ThreadNode } from '../../domain/comment/thread.js';
import { notFound } from '../../domain/shared/errors.js';
import type { Story } from '../../domain/story/story.js';
import type { ActionDeps } from '../deps.js';
import { REPLIES_PER_PAGE } from './get-comments-page.js';
import { loadMasthead } from './load-masthead.js';
import { findReadableStory } from './readable-story.js';
import type { MastheadData } from './page-result.js';

export interface CommentThreadData {
  readonly masthead: MastheadData;
  readonly story: Story;
  readonly comment: Comment;
  readonly thread: ThreadNode;
  readonly commentCount: number;
  readonly forumClosed: boolean;
}

/** One comment's permalink: the thread it belongs to. Comments not visible are not found. */
export async function getCommentThread(
  deps: Pick<ActionDeps, 'store' | 'clock'>,
  params: { storyId: number; commentId: number },
): Promise<CommentThreadData> {
  const now = deps.clock.now();
  const repos = deps.store.read;
  const story = await findReadableStory(repos, params.storyId, now);
  const comment = await repos.comments.findById(params.commentId);
  if (!comment || comment.storyId !== story.id || comment.state !== 'visible') {
    throw notFound('COMMENT_NOT_FOUND', 'There is no such comment', { context: { commentId: params.commentId } });
  }
  const root = comment.rootId === null ? comment : await repos.comments.findById(comment.rootId);
  if (!root || root.state !== 'visible') throw notFound('COMMENT_NOT_FOUND', 'There is no such comment', { context: { commentId: params.commentId } });
  const [base, replies, settings] = await Promise.all([
    loadMasthead(deps, story.serviceCode, now),
    repos.comments.listVisibleReplies([root.id], REPLIES_PER_PAGE),
    repos.commentRules.settings(story.serviceCode),
  ]);
  const [thread] = buildThreads([root], replies);
  if (!thread) throw notFound('COMMENT_NOT_FOUND', 'There is no such comment', { context: { commentId: params.commentId } });
  return {
    masthead: base.masthead,
    story,
    comment,
    thread,
    commentCount: story.commentCount,
    forumClosed: isForumClosed(story, settings, now),
  };
}
