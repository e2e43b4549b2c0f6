import { invalid } from '../shared/errors.js';

/** What an endpoint may be told of. */
export const WEBHOOK_EVENTS = ['story.published', 'story.updated', 'story.unpublished', 'story.corrected', 'comment.approved'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export type DeliveryState = 'pending' | 'delivered' | 'failed';

export interface WebhookEndpoint {
  readonly id: number;
  readonly serviceCode: string;
  readonly url: string;
  readonly events: readonly WebhookEvent[];
  readonly createdAt: Date;
  readonly disabledAt: Date | null;
}

export interface WebhookDelivery {
  readonly id: number;
  /** The same on every attempt and redelivery: receivers drop duplicates by it. */
  readonly messageId: string;
  readonly endpointId: number;
  readonly event: WebhookEvent;
  readonly payload: string;
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly responseStatus: number | null;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly lastAttemptAt: Date | null;
}

export const WEBHOOK_LIMITS = { url: 2_000 } as const;

export function parseWebhookInput(input: { url: unknown; events: unknown }): { url: URL; events: WebhookEvent[] } {
  if (typeof input.url !== 'string' || input.url.length > WEBHOOK_LIMITS.url) {
    throw invalid('FIELD_INVALID', `url must be an address of at most ${WEBHOOK_LIMITS.url} characters`, 'url');
  }
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw invalid('WEBHOOK_URL_INVALID', 'url must be a full http:// or https:// address', 'url');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw invalid('WEBHOOK_URL_INVALID', 'url must be an http:// or https:// address without a user name or password', 'url');
  }
  if (!Array.isArray(input.events) || input.events.length === 0) throw invalid('FIELD_INVALID', 'events must name at least one event', 'events');
  const events = [...new Set(input.events)];
  for (const event of events) {
    if (!WEBHOOK_EVENTS.includes(event as WebhookEvent)) {
      throw invalid('FIELD_INVALID', `events: "${String(event)}" is not one of ${WEBHOOK_EVENTS.join(', ')}`, 'events');
    }
  }
  return { url, events: events as WebhookEvent[] };
}
