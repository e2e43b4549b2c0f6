import { parseAlertInput, type Alert } from '../../domain/alert/alert.js';
import { invalid, notFound } from '../../domain/shared/errors.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { queueAlertPush } from '../push/push-alert.js';

/** Sends a breaking-news alert to every page of its service, from `startsAt` (default now) for `durationMinutes`. */
export async function createAlert(
  deps: ActionDeps,
  actor: Actor,
  input: { serviceCode: string; text: unknown; linkUrl?: unknown; startsAt?: Date; durationMinutes: unknown; push?: unknown },
): Promise<Alert> {
  requirePermission(actor, 'alert.create', { serviceCode: input.serviceCode });
  const now = deps.clock.now();
  const minutes = input.durationMinutes;
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > 7 * 24 * 60) {
    throw invalid('FIELD_INVALID', 'durationMinutes must be a whole number of minutes up to a week', 'durationMinutes');
  }
  if (input.push !== undefined && typeof input.push !== 'boolean') throw invalid('FIELD_INVALID', 'push must be true or false', 'push');
  const startsAt = input.startsAt ?? now;
  const alert = parseAlertInput({
    text: input.text,
    linkUrl: input.linkUrl,
    startsAt,
    expiresAt: new Date(startsAt.getTime() + minutes * 60_000),
  });
  return deps.store.transaction(async (repos, emit) => {
    if (!(await repos.services.find(input.serviceCode))) {
      throw notFound('SERVICE_NOT_FOUND', `there is no service "${input.serviceCode}"`, 'serviceCode');
    }
    const inserted = await repos.alerts.insert({ ...alert, serviceCode: input.serviceCode }, now);
    // The editor chose to push it: the deliveries run on the job queue, queued with the alert.
    if (input.push === true) await queueAlertPush(repos, inserted.id, now);
    await repos.audit.record({ userId: actorUserId(actor), action: 'alert.create', subject: `alert:${inserted.id}` }, now);
    emit({ type: 'alert.changed', serviceCode: inserted.serviceCode, alertId: inserted.id });
    return inserted;
  });
}
