import { EMPTY_SERVICE_INFO, type ServiceInfo } from '../../domain/service/service-info.js';
import type { ActionDeps } from '../deps.js';
import { loadMasthead } from './load-masthead.js';
import type { PageResult } from './page-result.js';

/**
 * A service's About or Contact page: what its editors wrote in the service's settings. Cached
 * under the service's key, so saving the settings (service.changed) purges it.
 */
export async function getServiceInfoPage(
  deps: Pick<ActionDeps, 'store' | 'clock' | 'mastheadCache'>,
  params: { serviceCode: string },
): Promise<PageResult<ServiceInfo>> {
  const base = await loadMasthead(deps, params.serviceCode, deps.clock.now());
  const info = (await deps.store.read.services.findInfo(params.serviceCode)) ?? EMPTY_SERVICE_INFO;
  return { masthead: base.masthead, model: info, cacheKeys: base.cacheKeys, validUntil: base.validUntil };
}
