import type { ActionDeps } from '../deps.js';
import { listPage, type ListPageData } from './list-page.js';
import { loadMasthead } from './load-masthead.js';
import { cacheKey, type PageResult } from './page-result.js';

/** A service's home page: its latest stories. */
export async function getHomePage(
  deps: Pick<ActionDeps, 'store' | 'clock'>,
  params: { serviceCode: string; page: number },
): Promise<PageResult<ListPageData>> {
  const now = deps.clock.now();
  const base = await loadMasthead(deps, params.serviceCode, now);
  const list = await listPage(deps, { serviceCode: params.serviceCode, now }, params.page);
  return {
    masthead: base.masthead,
    model: list,
    cacheKeys: [...base.cacheKeys, cacheKey.lists(params.serviceCode)],
    validUntil: base.validUntil,
  };
}
