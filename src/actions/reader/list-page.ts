import { notFound } from '../../domain/shared/errors.js';
import type { StorySummary } from '../../domain/story/story.js';
import type { ListFilter } from '../../store/repositories/stories.repository.js';
import type { ActionDeps } from '../deps.js';

export const PAGE_SIZE = 20;

export interface ListPageData {
  readonly stories: readonly StorySummary[];
  readonly page: number;
  readonly hasNext: boolean;
}

/**
 * One page of published stories, asking for one more than shown to know if there is a next page.
 * A page past the last one is not found (404), not an empty page that crawlers would keep.
 */
export async function listPage(
  deps: Pick<ActionDeps, 'store'>,
  filter: Omit<ListFilter, 'limit' | 'offset'>,
  page: number,
): Promise<ListPageData> {
  const rows = await deps.store.read.stories.listPublished({
    ...filter,
    limit: PAGE_SIZE + 1,
    offset: (page - 1) * PAGE_SIZE,
  });
  if (page > 1 && rows.length === 0) throw notFound('PAGE_NOT_FOUND', 'This list has no page with that number', { page });
  return { stories: rows.slice(0, PAGE_SIZE), page, hasNext: rows.length > PAGE_SIZE };
}
