import { notFound } from '../../domain/shared/errors.js';
import type { ActionDeps } from '../deps.js';
import type { LoadedChrome } from './chrome-cache.js';
import { cacheKey } from './page-result.js';

/**
 * The service, its sections and live alert, from the chrome cache when the deps have one;
 * throws SERVICE_NOT_FOUND for an unknown code.
 */
export async function loadChrome(
  deps: Pick<ActionDeps, 'store' | 'clock' | 'chromeCache'>,
  serviceCode: string,
  now: Date,
): Promise<LoadedChrome> {
  return deps.chromeCache ? deps.chromeCache.get(serviceCode, now, () => readChrome(deps, serviceCode, now)) : readChrome(deps, serviceCode, now);
}

async function readChrome(deps: Pick<ActionDeps, 'store'>, serviceCode: string, now: Date): Promise<LoadedChrome> {
  const repos = deps.store.read;
  const [services, sections, alert, nextAlertChange] = await Promise.all([
    repos.services.list(),
    repos.services.listSections(serviceCode),
    repos.alerts.findLive(serviceCode, now),
    repos.alerts.nextChangeAfter(serviceCode, now),
  ]);
  const service = services.find((s) => s.code === serviceCode);
  if (!service) throw notFound('SERVICE_NOT_FOUND', 'There is no language service at this address', { context: { serviceCode } });
  return {
    chrome: { service, services, sections, alert: alert ?? null },
    cacheKeys: [cacheKey.service(serviceCode), cacheKey.services(), cacheKey.alerts(serviceCode)],
    validUntil: nextAlertChange,
  };
}

export function earliest(...dates: (Date | null)[]): Date | null {
  const present = dates.filter((d): d is Date => d !== null);
  return present.length ? new Date(Math.min(...present.map((d) => d.getTime()))) : null;
}
