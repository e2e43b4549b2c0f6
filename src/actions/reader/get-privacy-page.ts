import type { ActionDeps } from '../deps.js';
import { loadMasthead } from './load-masthead.js';
import type { PageResult } from './page-result.js';

/** A service's privacy page: what the site keeps about readers is the same everywhere; only the frame is the service's. */
export async function getPrivacyPage(deps: Pick<ActionDeps, 'store' | 'clock' | 'mastheadCache'>, params: { serviceCode: string }): Promise<PageResult<null>> {
  const base = await loadMasthead(deps, params.serviceCode, deps.clock.now());
  return { masthead: base.masthead, model: null, cacheKeys: base.cacheKeys, validUntil: base.validUntil };
}
