import { notFound } from '../../domain/shared/errors.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

/** Takes an alert down now. */
export async function expireAlert(deps: ActionDeps, actor: Actor, alertId: number): Promise<void> {
  const now = deps.clock.now();
  await deps.store.transaction(async (repos, emit) => {
    const existing = await repos.alerts.findById(alertId);
    if (!existing) throw notFound('ALERT_NOT_FOUND', `alert ${alertId} does not exist`);
    requirePermission(actor, 'alert.expire', { serviceCode: existing.serviceCode });
    if (existing.expiresAt > now) await repos.alerts.expire(alertId, now);
    await repos.audit.record({ userId: actorUserId(actor), action: 'alert.expire', subject: `alert:${alertId}` }, now);
    emit({ type: 'alert.changed', serviceCode: existing.serviceCode, alertId });
  });
}
