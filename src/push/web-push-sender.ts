import { lookup } from 'node:dns/promises';
import type { Agent } from 'node:https';
import webpush from 'web-push';
import { isPrivateAddress, type PushSubscription } from '../domain/alert/push-subscription.js';

export interface PushSender {
  generateKeys(): { publicKey: string; privateKey: string };
  /** Sends one encrypted message (RFC 8291, aes128gcm); the push service's status, or throws when it cannot be reached. */
  send(subscription: PushSubscription, payload: string, keys: { publicKey: string; privateKey: string }): Promise<number>;
}

/**
 * Web Push with the `web-push` library: VAPID signing (RFC 8292) and payload encryption
 * (RFC 8291). The endpoint's host is resolved first and refused when it is private or
 * loopback (unless the operator allows it), so a subscription cannot point the server at its
 * own network.
 */
export function webPushSender(options: {
  subject: string;
  allowPrivateEndpoints: boolean;
  timeoutMs?: number;
  /** The HTTPS agent to reach push services with (a push service of your own, with its own CA). */
  agent?: Agent;
}): PushSender {
  return {
    generateKeys: () => webpush.generateVAPIDKeys(),
    async send(subscription, payload, keys) {
      if (!options.allowPrivateEndpoints) {
        const host = new URL(subscription.endpoint).hostname;
        const addresses = await lookup(host.replace(/^\[|\]$/g, ''), { all: true });
        if (addresses.some((address) => isPrivateAddress(address.address))) return 403;
      }
      try {
        const result = await webpush.sendNotification({ endpoint: subscription.endpoint, keys: { ...subscription.keys } }, payload, {
          vapidDetails: { subject: options.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
          contentEncoding: 'aes128gcm',
          TTL: 60 * 60,
          timeout: options.timeoutMs ?? 10_000,
          ...(options.agent ? { agent: options.agent } : {}),
        });
        return result.statusCode;
      } catch (error) {
        if (error instanceof webpush.WebPushError) return error.statusCode;
        throw error;
      }
    },
  };
}
