import type { MediaDeps } from '../actions/media/media-deps.js';
import { markMediaFailed } from '../actions/media/mark-media-failed.js';
import { parseProcessMediaPayload, processMedia, PROCESS_MEDIA_JOB } from '../actions/media/process-media.js';
import { DELIVER_WEBHOOK_JOB, deliverWebhook, giveUpDelivery, parseDeliverPayload } from '../actions/webhooks/deliver-webhook.js';
import type { JobHandlers } from './job-handler.js';

/** Every job type Dateline runs, and the action each one calls. */
export function jobHandlers(deps: MediaDeps): JobHandlers {
  return {
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
