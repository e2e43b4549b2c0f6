import { alertState, type Alert, type AlertState } from '../../domain/alert/alert.js';
import { requirePermission } from '../../domain/user/permissions.js';
import type { Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

export const ALERTS_PER_PAGE = 20;

/** A service's breaking-news alerts, newest first, each live, scheduled or expired; for those who may send them. */
export async function listAlerts(
  deps: ActionDeps,
  actor: Actor,
  query: { serviceCode: string; page?: number },
): Promise<{ items: (Alert & { state: AlertState })[]; page: number; hasNext: boolean }> {
  requirePermission(actor, 'alert.create', { serviceCode: query.serviceCode });
  const page = Math.max(query.page ?? 1, 1);
  const now = deps.clock.now();
  const alerts = await deps.store.read.alerts.listForService(query.serviceCode, ALERTS_PER_PAGE + 1, (page - 1) * ALERTS_PER_PAGE);
  return {
    items: alerts.slice(0, ALERTS_PER_PAGE).map((alert) => ({ ...alert, state: alertState(alert, now) })),
    page,
    hasNext: alerts.length > ALERTS_PER_PAGE,
  };
}
