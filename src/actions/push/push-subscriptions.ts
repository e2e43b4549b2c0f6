import { parsePushSubscription } from '../../domain/alert/push-subscription.js';
import { notFound } from '../../domain/shared/errors.js';
import type { VapidKeys } from '../../store/repositories/push.repository.js';
import type { PushDeps } from './push-deps.js';

/** The install's VAPID keys: made on first use and stored, so every node signs with the same ones. */
export async function vapidKeys(deps: Pick<PushDeps, 'store' | 'clock' | 'push'>): Promise<VapidKeys> {
  return (await deps.store.read.push.vapidKeys()) ?? (await deps.store.transaction((repos) => repos.push.keepVapidKeys(deps.push.generateKeys(), deps.clock.now())));
}

/** A reader's browser asks for the service's breaking alerts. */
export async function subscribeToAlerts(deps: PushDeps, serviceCode: string, input: { endpoint: unknown; keys: unknown }): Promise<void> {
  const subscription = parsePushSubscription(input, deps.allowPrivatePushEndpoints);
  const now = deps.clock.now();
  await deps.store.transaction(async (repos) => {
    if (!(await repos.services.find(serviceCode))) throw notFound('SERVICE_NOT_FOUND', undefined, { context: { serviceCode } });
    await repos.push.subscribe(serviceCode, subscription, now);
  });
}

/** The reader turned alerts off (the endpoint is the secret that names their browser). */
export async function unsubscribeFromAlerts(deps: PushDeps, endpoint: unknown): Promise<void> {
  if (typeof endpoint !== 'string' || !(await deps.store.transaction((repos) => repos.push.unsubscribe(endpoint)))) {
    throw notFound('PUSH_SUBSCRIPTION_NOT_FOUND', 'There is no such subscription');
  }
}
