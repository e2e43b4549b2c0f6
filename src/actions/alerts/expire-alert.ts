import { notFound } from '../../domain/shared/errors.js';
import type { ActionDeps } from '../deps.js';

/** Takes an alert down now. */
export async function expireAlert(deps: ActionDeps, alertId: number): Promise<void> {
  const now = deps.clock.now();
  const alert = await deps.store.transaction(async (repos) => {
    const existing = await repos.alerts.findById(alertId);
    if (!existing) throw notFound('ALERT_NOT_FOUND', `alert ${alertId} does not exist`);
    if (existing.expiresAt > now) await repos.alerts.expire(alertId, now);
    return existing;
  });
  deps.events.publish({ type: 'alert.changed', serviceCode: alert.serviceCode, alertId });
}
