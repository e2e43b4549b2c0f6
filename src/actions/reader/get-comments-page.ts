import { isForumClosed, type ModerationMode } from '../../domain/comment/comment-settings.js';
import { buildThreads, type ThreadNode } from '../../domain/comment/thread.js';
import type { Story } from '../../domain/story/story.js';
import type { CommentSort } from '../../store/repositories/comments.repository.js';
import type { ActionDeps } from '../deps.js';
import { loadMasthead } from './load-masthead.js';
import { findReadableStory } from './readable-story.js';
import { cacheKey, type PageResult } from './page-result.js';

/** Top comments per page; their replies come with them, up to REPLIES_PER_PAGE in all. */
export const COMMENTS_PAGE_SIZE = 50;
export const REPLIES_PER_PAGE = 500;

export type { CommentSort };

export interface CommentsPageData {
  readonly story: Story;
  readonly threads: readonly ThreadNode[];
  readonly commentCount: number;
  readonly page: number;
  readonly hasNext: boolean;
  readonly sort: CommentSort;
  readonly forumClosed: boolean;
  readonly moderation: ModerationMode;
}

export type CommentsPageOutcome =
  | { readonly kind: 'page'; readonly page: PageResult<CommentsPageData> }
  | { readonly kind: 'redirect'; readonly serviceCode: string; readonly slug: string; readonly id: number };

export function parseSort(value: unknown): CommentSort {
  return value === 'newest' ? 'newest' : 'oldest';
}

/** A story's visible comments as threads, top comments oldest or newest first, a page at a time. */
export async function getCommentsPage(
  deps: Pick<ActionDeps, 'store' | 'clock'>,
  params: { serviceCode: string; slug: string; storyId: number; page: number; sort?: CommentSort },
): Promise<CommentsPageOutcome> {
  const now = deps.clock.now();
  const repos = deps.store.read;
  const sort = params.sort ?? 'oldest';
  const story = await findReadableStory(repos, params.storyId, now);
  if (story.slug !== params.slug || story.serviceCode !== params.serviceCode) {
    return { kind: 'redirect', serviceCode: story.serviceCode, slug: story.slug, id: story.id };
  }
  const [base, roots, settings] = await Promise.all([
    loadMasthead(deps, story.serviceCode, now),
    repos.comments.listVisibleRoots(story.id, {
      limit: COMMENTS_PAGE_SIZE + 1,
      offset: (params.page - 1) * COMMENTS_PAGE_SIZE,
      sort,
    }),
    repos.commentRules.settings(story.serviceCode),
  ]);
  const shownRoots = roots.slice(0, COMMENTS_PAGE_SIZE);
  const replies = await repos.comments.listVisibleReplies(
    shownRoots.map((c) => c.id),
    REPLIES_PER_PAGE,
  );
  return {
    kind: 'page',
    page: {
      masthead: base.masthead,
      model: {
        story,
        threads: buildThreads(shownRoots, replies),
        commentCount: story.commentCount,
        page: params.page,
        hasNext: roots.length > COMMENTS_PAGE_SIZE,
        sort,
        forumClosed: isForumClosed(story, settings, now),
        moderation: settings.moderation,
      },
      cacheKeys: [...base.cacheKeys, cacheKey.story(story.id), cacheKey.comments(story.id)],
      validUntil: base.validUntil,
    },
  };
}
