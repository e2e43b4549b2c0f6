import { createHmac, randomBytes } from 'node:crypto';

/** A signing secret as Standard Webhooks writes it: "whsec_" and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * The Standard Webhooks signature: HMAC-SHA256, keyed with the secret's bytes, over
 * "<message id>.<timestamp in seconds>.<body>", sent as "v1,<base64>".
 */
export function signWebhook(secret: string, messageId: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${messageId}.${timestampSeconds}.${body}`).digest('base64')}`;
}
