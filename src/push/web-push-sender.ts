import type { Agent } from 'node:https';
import webpush from 'web-push';
import { isPrivateAddress, type PushSubscription } from '../domain/alert/push-subscription.js';
import { lookupOnly, postForStatus } from '../net/post-for-status.js';

/** A push service's name that resolves to a private or loopback address: answered as a 403 from it would be. */
class PrivateEndpoint extends Error {}

const PUBLIC_ONLY = lookupOnly(
  (address) => !isPrivateAddress(address),
  (hostname, address) => new PrivateEndpoint(`${hostname} resolves to ${address}, a private address`),
);

export interface PushSender {
  generateKeys(): { publicKey: string; privateKey: string };
  /** Sends one encrypted message (RFC 8291, aes128gcm); the push service's status, or throws when it cannot be reached. */
  send(subscription: PushSubscription, payload: string, keys: { publicKey: string; privateKey: string }): Promise<number>;
}

/**
 * Web Push with the `web-push` library: VAPID signing (RFC 8292) and payload encryption
 * (RFC 8291). The endpoint's host is checked on the addresses the connection uses and refused
 * when it is private or loopback (unless the operator allows it), so a subscription cannot
 * point the server at its own network; a push service gets 10 s for its whole answer, and only
 * its status is read.
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
      // Encrypted and signed by web-push; sent by our own client, which takes the status alone
      // within a deadline and connects only to the public addresses it checked.
      const details = webpush.generateRequestDetails({ endpoint: subscription.endpoint, keys: { ...subscription.keys } }, payload, {
        vapidDetails: { subject: options.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
        contentEncoding: 'aes128gcm',
        TTL: 60 * 60,
      });
      // An address written out is never looked up: checked here.
      if (!options.allowPrivateEndpoints && isPrivateAddress(new URL(details.endpoint).hostname)) return 403;
      const headers = Object.fromEntries(Object.entries(details.headers).map(([name, value]) => [name, String(value)]));
      try {
        return await postForStatus(new URL(details.endpoint), details.body ?? '', headers, {
          timeoutMs: options.timeoutMs ?? 10_000,
          ...(options.allowPrivateEndpoints ? {} : { lookup: PUBLIC_ONLY }),
          ...(options.agent ? { agent: options.agent } : {}),
        });
      } catch (error) {
        if (error instanceof PrivateEndpoint) return 403;
        throw error;
      }
    },
  };
}
