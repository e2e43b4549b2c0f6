import type { ActionDeps } from '../deps.js';
import type { MastheadData } from './page-result.js';
import { loadMasthead } from './load-masthead.js';

/**
 * The masthead for an error page: the service the address names if there is one, else the
 * first service, so a reader lost on a Persian address gets a Persian 404. Null when the
 * install has no services yet.
 */
export async function getErrorMasthead(
  deps: Pick<ActionDeps, 'store' | 'clock'>,
  serviceCodeGuess: string | undefined,
): Promise<MastheadData | null> {
  const services = await deps.store.read.services.list();
  const service = services.find((s) => s.code === serviceCodeGuess) ?? services[0];
  if (!service) return null;
  return (await loadMasthead(deps, service.code, deps.clock.now())).masthead;
}

/** The masthead for a 503 page while the database is away: only what this process has in memory. */
export function getRememberedMasthead(deps: Pick<ActionDeps, 'mastheadCache'>, serviceCodeGuess: string | undefined): MastheadData | null {
  return deps.mastheadCache?.remembered(serviceCodeGuess)?.masthead ?? null;
}
