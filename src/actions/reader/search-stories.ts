import { invalid } from '../../domain/shared/errors.js';
import type { ActionDeps } from '../deps.js';
import { listPage, type ListPageData } from './list-page.js';
import { loadMasthead } from './load-masthead.js';
import type { PageResult } from './page-result.js';

export const MAX_QUERY_LENGTH = 200;

/** Search within a service's published stories. Results are not cached: queries are endless. */
export async function searchStories(
  deps: Pick<ActionDeps, 'store' | 'clock'>,
  params: { serviceCode: string; query: string; page: number },
): Promise<PageResult<ListPageData & { query: string }>> {
  const query = params.query.trim();
  if (query.length > MAX_QUERY_LENGTH) {
    throw invalid('QUERY_TOO_LONG', `a search may be at most ${MAX_QUERY_LENGTH} characters`, 'q');
  }
  const now = deps.clock.now();
  const base = await loadMasthead(deps, params.serviceCode, now);
  const list = query
    ? await listPage(deps, { serviceCode: params.serviceCode, text: query, now }, params.page)
    : { stories: [], page: 1, hasNext: false };
  return { masthead: base.masthead, model: { ...list, query }, cacheKeys: [], validUntil: null };
}
