import type { ActionDeps } from '../deps.js';

/** Ready when the database answers a query. */
export async function checkReadiness(deps: Pick<ActionDeps, 'store'>): Promise<{ ready: boolean; reason?: string }> {
  try {
    await deps.store.read.services.count();
    return { ready: true };
  } catch (error) {
    const context = error instanceof Error && 'context' in error ? (error.context as { reason?: unknown } | undefined) : undefined;
    return { ready: false, reason: String(context?.reason ?? (error instanceof Error ? error.message : error)) };
  }
}
