import { readableError } from '../../domain/jobs/job.js';
import { isDomainError } from '../../domain/shared/errors.js';
import type { ActionDeps } from '../deps.js';
import { PermanentJobError } from '../../jobs/job-handler.js';
import { checkWebhookAddress, guardedLookup } from './address-guard.js';
import { postForStatus } from '../../net/post-for-status.js';
import { signWebhook } from './signature.js';

export const DELIVER_WEBHOOK_JOB = 'webhook.deliver';
/** With the queue's backoff (30 s, 1 min, 2 min...), about two hours of trying. */
export const WEBHOOK_MAX_ATTEMPTS = 8;
const DEFAULT_TIMEOUT_MS = 10_000;

export function parseDeliverPayload(payload: unknown): { deliveryId: number } {
  const id = (payload as { deliveryId?: unknown } | null)?.deliveryId;
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) throw new PermanentJobError('webhook.deliver needs a deliveryId');
  return { deliveryId: id };
}

/**
 * One attempt at a delivery: POST the payload, signed the Standard Webhooks way, and log the
 * answer. A 2xx answer delivers it; anything else throws, and the job queue tries again later.
 */
export async function deliverWebhook(deps: ActionDeps, deliveryId: number): Promise<void> {
  const repos = deps.store.read;
  const delivery = await repos.webhooks.findDelivery(deliveryId);
  if (!delivery) throw new PermanentJobError(`delivery ${deliveryId} does not exist`);
  if (delivery.state === 'delivered') return;
  const endpoint = await repos.webhooks.findEndpoint(delivery.endpointId);
  if (!endpoint || endpoint.disabledAt) {
    await repos.webhooks.recordAttempt(deliveryId, { state: 'failed', responseStatus: null, error: 'the endpoint is disabled' }, deps.clock.now());
    return;
  }
  const timestamp = Math.floor(deps.clock.now().getTime() / 1000);
  const policy = deps.webhookPolicy;
  let status: number | null = null;
  try {
    // Checked again at each attempt: the name may point elsewhere now (an IP literal is never looked up by the client).
    await checkWebhookAddress(new URL(endpoint.url), policy?.allowPrivate ?? false);
    status = await postForStatus(new URL(endpoint.url), delivery.payload, {
      'content-type': 'application/json',
      'user-agent': 'Dateline-Webhooks/1',
      'webhook-id': delivery.messageId,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signWebhook(endpoint.secret, delivery.messageId, timestamp, delivery.payload),
    }, { lookup: guardedLookup(policy?.allowPrivate ?? false), timeoutMs: policy?.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  } catch (error) {
    const message = readableError(error, 500);
    await repos.webhooks.recordAttempt(deliveryId, { state: 'pending', responseStatus: null, error: message }, deps.clock.now());
    if (isDomainError(error)) throw new PermanentJobError(message);
    throw error;
  }
  const ok = status >= 200 && status < 300;
  await repos.webhooks.recordAttempt(deliveryId, { state: ok ? 'delivered' : 'pending', responseStatus: status, error: ok ? null : `answered ${status}` }, deps.clock.now());
  if (!ok) throw new Error(`the endpoint answered ${status}`);
}

/** Marks a delivery failed when the queue gives up on it. */
export async function giveUpDelivery(deps: ActionDeps, payload: unknown, reason: string): Promise<void> {
  const { deliveryId } = parseDeliverPayload(payload);
  const delivery = await deps.store.read.webhooks.findDelivery(deliveryId);
  if (delivery && delivery.state !== 'delivered') {
    await deps.store.read.webhooks.recordAttempt(deliveryId, { state: 'failed', responseStatus: delivery.responseStatus, error: reason }, deps.clock.now());
  }
}
