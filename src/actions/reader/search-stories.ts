import { parseDateRange } from '../../domain/search/date-range.js';
import { MAX_QUERY_LENGTH, parseSearchQuery } from '../../domain/search/query.js';
import { invalid } from '../../domain/shared/errors.js';
import type { SearchHit } from '../../store/repositories/search.repository.js';
import type { ActionDeps } from '../deps.js';
import { PAGE_SIZE } from './list-page.js';
import { loadChrome } from './load-chrome.js';
import type { PageResult } from './page-result.js';

export { MAX_QUERY_LENGTH };

export interface SearchParams {
  readonly serviceCode: string;
  readonly query: string;
  readonly page: number;
  /** A section's slug; empty: every section. */
  readonly section?: string;
  /** Days, YYYY-MM-DD, both included. */
  readonly from?: string;
  readonly to?: string;
}

export interface SearchPageData {
  readonly query: string;
  readonly section: string;
  readonly from: string;
  readonly to: string;
  readonly hits: readonly SearchHit[];
  readonly page: number;
  readonly hasNext: boolean;
}

/**
 * A reader's full-text search within one service's published stories (see README, "Search").
 * Results are not cached: queries are endless.
 */
export async function searchStories(
  deps: Pick<ActionDeps, 'store' | 'clock' | 'chromeCache'>,
  params: SearchParams,
): Promise<PageResult<SearchPageData>> {
  const query = params.query.trim();
  if (query.length > MAX_QUERY_LENGTH) {
    throw invalid('QUERY_TOO_LONG', `a search may be at most ${MAX_QUERY_LENGTH} characters`, 'q');
  }
  const range = parseDateRange(params.from, params.to);
  const now = deps.clock.now();
  const base = await loadChrome(deps, params.serviceCode, now);
  const sectionSlug = params.section ?? '';
  const section = sectionSlug ? base.chrome.sections.find((s) => s.slug === sectionSlug) : undefined;
  if (sectionSlug && !section) throw invalid('SECTION_INVALID', 'there is no such section in this service', 'section');
  const rows = query
    ? await deps.store.read.search.searchPublished({
        serviceCode: params.serviceCode,
        query: parseSearchQuery(query),
        now,
        ...(section ? { sectionId: section.id } : {}),
        ...range,
        limit: PAGE_SIZE + 1,
        offset: (params.page - 1) * PAGE_SIZE,
      })
    : [];
  return {
    chrome: base.chrome,
    model: {
      query,
      section: sectionSlug,
      from: params.from ?? '',
      to: params.to ?? '',
      hits: rows.slice(0, PAGE_SIZE),
      page: params.page,
      hasNext: rows.length > PAGE_SIZE,
    },
    cacheKeys: [],
    validUntil: null,
  };
}
