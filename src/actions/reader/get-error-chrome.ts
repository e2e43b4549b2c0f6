import type { ActionDeps } from '../deps.js';
import type { ChromeData } from './page-result.js';
import { loadChrome } from './load-chrome.js';

/**
 * The chrome for an error page: the service the address names if there is one, else the
 * first service, so a reader lost on a Persian address gets a Persian 404. Null when the
 * install has no services yet.
 */
export async function getErrorChrome(
  deps: Pick<ActionDeps, 'store' | 'clock'>,
  serviceCodeGuess: string | undefined,
): Promise<ChromeData | null> {
  const services = await deps.store.read.services.list();
  const service = services.find((s) => s.code === serviceCodeGuess) ?? services[0];
  if (!service) return null;
  return (await loadChrome(deps, service.code, deps.clock.now())).chrome;
}

/** The chrome for a 503 page while the database is away: only what this process has in memory. */
export function getRememberedChrome(deps: Pick<ActionDeps, 'chromeCache'>, serviceCodeGuess: string | undefined): ChromeData | null {
  return deps.chromeCache?.remembered(serviceCodeGuess)?.chrome ?? null;
}
