import { notFound } from '../../domain/shared/errors.js';
import type { ActionDeps } from '../deps.js';
import type { LoadedMasthead } from './masthead-cache.js';
import { cacheKey } from './page-result.js';

/**
 * The service, its sections and live alert, from the masthead cache when the deps have one;
 * throws SERVICE_NOT_FOUND for an unknown code.
 */
export async function loadMasthead(
  deps: Pick<ActionDeps, 'store' | 'clock' | 'mastheadCache'>,
  serviceCode: string,
  now: Date,
): Promise<LoadedMasthead> {
  return deps.mastheadCache ? deps.mastheadCache.get(serviceCode, now, () => readMasthead(deps, serviceCode, now)) : readMasthead(deps, serviceCode, now);
}

async function readMasthead(deps: Pick<ActionDeps, 'store'>, serviceCode: string, now: Date): Promise<LoadedMasthead> {
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
    masthead: { service, services, sections, alert: alert ?? null },
    cacheKeys: [cacheKey.service(serviceCode), cacheKey.services(), cacheKey.alerts(serviceCode)],
    validUntil: nextAlertChange,
  };
}

export function earliest(...dates: (Date | null)[]): Date | null {
  const present = dates.filter((d): d is Date => d !== null);
  return present.length ? new Date(Math.min(...present.map((d) => d.getTime()))) : null;
}
