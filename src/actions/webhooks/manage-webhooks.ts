import { parseWebhookInput, type WebhookDelivery, type WebhookEndpoint } from '../../domain/distribution/webhook.js';
import { invalid, notFound } from '../../domain/shared/errors.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { checkWebhookAddress } from './address-guard.js';
import { DELIVER_WEBHOOK_JOB, WEBHOOK_MAX_ATTEMPTS } from './deliver-webhook.js';
import { newWebhookSecret } from './signature.js';

/**
 * Registers an endpoint for a service's events (admins). The address is resolved and refused
 * when it is loopback, private or link-local (unless the operator allows those). Returns the
 * signing secret, shown this once.
 */
export async function registerWebhook(
  deps: ActionDeps,
  actor: Actor,
  input: { serviceCode: unknown; url: unknown; events: unknown },
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  requirePermission(actor, 'distribution.manage');
  const { url, events } = parseWebhookInput(input);
  await checkWebhookAddress(url, deps.webhookPolicy?.allowPrivate ?? false);
  const now = deps.clock.now();
  const secret = newWebhookSecret();
  const endpoint = await deps.store.transaction(async (repos) => {
    if (typeof input.serviceCode !== 'string' || !(await repos.services.find(input.serviceCode))) {
      throw invalid('SERVICE_NOT_FOUND', `there is no service "${String(input.serviceCode)}"`, 'serviceCode');
    }
    const saved = await repos.webhooks.insertEndpoint({ serviceCode: input.serviceCode, url: url.href, events, secret, createdBy: actorUserId(actor) }, now);
    await repos.audit.record({ userId: actorUserId(actor), action: 'webhook.create', subject: `webhook:${saved.id}`, details: { url: url.href, events } }, now);
    return saved;
  });
  return { endpoint, secret };
}

export async function listWebhooks(deps: Pick<ActionDeps, 'store'>, actor: Actor): Promise<WebhookEndpoint[]> {
  requirePermission(actor, 'distribution.manage');
  return deps.store.read.webhooks.listEndpoints(null, 500);
}

/** Stops sending to an endpoint; its delivery log stays. */
export async function disableWebhook(deps: ActionDeps, actor: Actor, id: number): Promise<void> {
  requirePermission(actor, 'distribution.manage');
  const now = deps.clock.now();
  await deps.store.transaction(async (repos) => {
    if (!(await repos.webhooks.findEndpoint(id))) throw notFound('WEBHOOK_NOT_FOUND', `there is no webhook ${id}`);
    await repos.webhooks.disableEndpoint(id, now);
    await repos.audit.record({ userId: actorUserId(actor), action: 'webhook.disable', subject: `webhook:${id}` }, now);
  });
}

/** An endpoint's delivery log, newest first, fifty a page. */
export async function listDeliveries(deps: Pick<ActionDeps, 'store'>, actor: Actor, endpointId: number, page = 1): Promise<{ items: WebhookDelivery[]; hasNext: boolean }> {
  requirePermission(actor, 'distribution.manage');
  if (!(await deps.store.read.webhooks.findEndpoint(endpointId))) throw notFound('WEBHOOK_NOT_FOUND', `there is no webhook ${endpointId}`);
  const rows = await deps.store.read.webhooks.listDeliveries(endpointId, 51, (page - 1) * 50);
  return { items: rows.slice(0, 50), hasNext: rows.length > 50 };
}

/** Sends a delivery again by hand, with the same message id (receivers drop what they already have). */
export async function redeliverWebhook(deps: ActionDeps, actor: Actor, deliveryId: number): Promise<WebhookDelivery> {
  requirePermission(actor, 'distribution.manage');
  const now = deps.clock.now();
  return deps.store.transaction(async (repos) => {
    const delivery = await repos.webhooks.findDelivery(deliveryId);
    if (!delivery) throw notFound('WEBHOOK_DELIVERY_NOT_FOUND', `there is no delivery ${deliveryId}`);
    await repos.webhooks.markPending(deliveryId);
    await repos.jobs.enqueue({ type: DELIVER_WEBHOOK_JOB, payload: { deliveryId }, maxAttempts: WEBHOOK_MAX_ATTEMPTS }, now);
    await repos.audit.record({ userId: actorUserId(actor), action: 'webhook.redeliver', subject: `webhook-delivery:${deliveryId}` }, now);
    return { ...delivery, state: 'pending' };
  });
}
