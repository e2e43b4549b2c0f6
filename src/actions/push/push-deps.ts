import type { PushSender } from '../../push/web-push-sender.js';
import type { ActionDeps } from '../deps.js';

/** What Web Push actions need besides the store: the sender, and whether private endpoints are allowed (PUSH_ALLOW_PRIVATE_ENDPOINTS). */
export interface PushDeps extends ActionDeps {
  readonly push: PushSender;
  readonly allowPrivatePushEndpoints: boolean;
}
