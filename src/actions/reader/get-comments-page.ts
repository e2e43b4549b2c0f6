import type { Comment } from '../../domain/comment/comment.js';
import type { Story } from '../../domain/story/story.js';
import type { ActionDeps } from '../deps.js';
import { loadChrome } from './load-chrome.js';
import { findReadableStory } from './readable-story.js';
import { cacheKey, type PageResult } from './page-result.js';

export const COMMENTS_PAGE_SIZE = 50;

export type CommentsPageOutcome =
  | {
      readonly kind: 'page';
      readonly page: PageResult<{
        story: Story;
        comments: readonly Comment[];
        commentCount: number;
        page: number;
        hasNext: boolean;
      }>;
    }
  | { readonly kind: 'redirect'; readonly serviceCode: string; readonly slug: string; readonly id: number };

/** A story's visible comments, oldest first, a page at a time. */
export async function getCommentsPage(
  deps: Pick<ActionDeps, 'store' | 'clock'>,
  params: { serviceCode: string; slug: string; storyId: number; page: number },
): Promise<CommentsPageOutcome> {
  const now = deps.clock.now();
  const repos = deps.store.read;
  const story = await findReadableStory(repos, params.storyId, now);
  if (story.slug !== params.slug || story.serviceCode !== params.serviceCode) {
    return { kind: 'redirect', serviceCode: story.serviceCode, slug: story.slug, id: story.id };
  }
  const [base, rows] = await Promise.all([
    loadChrome(deps, story.serviceCode, now),
    repos.comments.listVisible(story.id, {
      limit: COMMENTS_PAGE_SIZE + 1,
      offset: (params.page - 1) * COMMENTS_PAGE_SIZE,
    }),
  ]);
  return {
    kind: 'page',
    page: {
      chrome: base.chrome,
      model: {
        story,
        comments: rows.slice(0, COMMENTS_PAGE_SIZE),
        commentCount: story.commentCount,
        page: params.page,
        hasNext: rows.length > COMMENTS_PAGE_SIZE,
      },
      cacheKeys: [...base.cacheKeys, cacheKey.story(story.id), cacheKey.comments(story.id)],
      validUntil: base.validUntil,
    },
  };
}
