import type { MediaDeps } from '../actions/media/media-deps.js';
import { markMediaFailed } from '../actions/media/mark-media-failed.js';
import { parseProcessMediaPayload, processMedia, PROCESS_MEDIA_JOB } from '../actions/media/process-media.js';
import { DELIVER_WEBHOOK_JOB, deliverWebhook, giveUpDelivery, parseDeliverPayload } from '../actions/webhooks/deliver-webhook.js';
import { deliverAlertPush, fanOutAlertPush, PUSH_ALERT_JOB, PUSH_DELIVER_JOB } from '../actions/push/push-alert.js';
import type { PushDeps } from '../actions/push/push-deps.js';
import type { JobHandlers } from './job-handler.js';

/** Every job type Dateline runs, and the action each one calls (Web Push's where a sender is configured). */
export function jobHandlers(deps: MediaDeps & Partial<Pick<PushDeps, 'push' | 'allowPrivatePushEndpoints'>>): JobHandlers {
  const { push } = deps;
  const pushDeps: PushDeps | null = push ? { ...deps, push, allowPrivatePushEndpoints: deps.allowPrivatePushEndpoints ?? false } : null;
  return {
    ...(pushDeps
      ? {
          [PUSH_ALERT_JOB]: { run: (payload: unknown) => fanOutAlertPush(pushDeps, payload) },
          [PUSH_DELIVER_JOB]: { run: (payload: unknown) => deliverAlertPush(pushDeps, payload) },
        }
      : {}),
    [PROCESS_MEDIA_JOB]: {
      run: (payload, { signal }) => processMedia(deps, parseProcessMediaPayload(payload), signal),
      gaveUp: async (payload, reason) => {
        const mediaId = (payload as { mediaId?: unknown } | null)?.mediaId;
        if (typeof mediaId === 'number') await markMediaFailed(deps, mediaId, reason);
      },
    },
    [DELIVER_WEBHOOK_JOB]: {
      run: (payload) => deliverWebhook(deps, parseDeliverPayload(payload).deliveryId),
      gaveUp: (payload, reason) => giveUpDelivery(deps, payload, reason),
    },
  };
}
