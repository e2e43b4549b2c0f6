import type { ActionDeps } from '../deps.js';

/** Ready when the database answers a query. */
export async function checkReadiness(deps: Pick<ActionDeps, 'store'>): Promise<{ ready: boolean; reason?: string }> {
  try {
    await deps.store.read.services.count();
    return { ready: true };
  } catch (error) {
    return { ready: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
