import { alertState } from '../../domain/alert/alert.js';
import { invalid } from '../../domain/shared/errors.js';
import type { Repositories } from '../../store/store.js';
import type { PushDeps } from './push-deps.js';
import { vapidKeys } from './push-subscriptions.js';

export const PUSH_ALERT_JOB = 'push.alert';
export const PUSH_DELIVER_JOB = 'push.deliver';
/** Deliveries queued per fan-out run; the next run takes the following subscriptions. */
const FAN_OUT_BATCH = 500;

/** Called inside the alert's transaction: the push goes out only if the alert is stored. */
export async function queueAlertPush(repos: Repositories, alertId: number, now: Date): Promise<void> {
  await repos.jobs.enqueue({ type: PUSH_ALERT_JOB, payload: { alertId, afterId: 0 } }, now);
}

function ids(payload: unknown, fields: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const field of fields) {
    const value = (payload as Record<string, unknown> | null)?.[field];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw invalid('JOB_PAYLOAD_INVALID', `${field} missing`, field);
    out[field] = value;
  }
  return out;
}

/** Queues one delivery per subscription of the alert's service, a batch per run, each retried on its own. */
export async function fanOutAlertPush(deps: PushDeps, payload: unknown): Promise<void> {
  const { alertId, afterId } = ids(payload, ['alertId', 'afterId']) as { alertId: number; afterId: number };
  const alert = await deps.store.read.alerts.findById(alertId);
  if (!alert) return;
  const now = deps.clock.now();
  await deps.store.transaction(async (repos) => {
    const subscriptions = await repos.push.idsAfter(alert.serviceCode, afterId, FAN_OUT_BATCH);
    for (const subscriptionId of subscriptions) await repos.jobs.enqueue({ type: PUSH_DELIVER_JOB, payload: { alertId, subscriptionId } }, now);
    if (subscriptions.length === FAN_OUT_BATCH) await repos.jobs.enqueue({ type: PUSH_ALERT_JOB, payload: { alertId, afterId: subscriptions.at(-1) } }, now);
  });
}

/**
 * Sends the alert to one subscription. Gone (404, 410) or refused endpoints are deleted; a
 * push service that fails or limits us (429, 5xx) makes the job fail and be retried; an alert
 * that ended meanwhile is not sent.
 */
export async function deliverAlertPush(deps: PushDeps, payload: unknown): Promise<void> {
  const { alertId, subscriptionId } = ids(payload, ['alertId', 'subscriptionId']) as { alertId: number; subscriptionId: number };
  const [alert, subscription] = await Promise.all([deps.store.read.alerts.findById(alertId), deps.store.read.push.find(subscriptionId)]);
  if (!alert || !subscription || alertState(alert, deps.clock.now()) !== 'live') return;
  const message = JSON.stringify({ type: 'alert', serviceCode: alert.serviceCode, id: alert.id, text: alert.text, url: alert.linkUrl });
  const status = await deps.push.send(subscription, message, await vapidKeys(deps));
  if (status === 404 || status === 410 || status === 403) {
    await deps.store.transaction((repos) => repos.push.delete(subscriptionId));
    return;
  }
  if (status < 200 || status >= 300) throw new Error(`the push service answered ${status}`);
}
