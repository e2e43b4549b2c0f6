import { Type } from 'typebox';
import { API_KEY_LIMITS } from '../../../domain/distribution/content-api-key.js';
import { WEBHOOK_LIMITS } from '../../../domain/distribution/webhook.js';
import { SERVICE_CODE } from '../../../domain/shared/limits.js';
import { Nullable, strict, Time } from '../../shared/schemas.js';

// Admin API shapes for Content API keys and webhook endpoints.

export const NewApiKey = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: API_KEY_LIMITS.name, description: 'who uses it: "Partner site", "Mobile app"' }),
    requestsPerMinute: Type.Optional(Type.Integer({ minimum: API_KEY_LIMITS.minPerMinute, maximum: API_KEY_LIMITS.maxPerMinute, default: API_KEY_LIMITS.defaultPerMinute })),
  },
  strict,
);
export const ApiKeyBody = Type.Object(
  { id: Type.Integer(), name: Type.String(), prefix: Type.String(), requestsPerMinute: Type.Integer(), createdAt: Time, revokedAt: Nullable(Time) },
  strict,
);
export const IssuedApiKey = Type.Object({ key: Type.String({ description: 'shown only now' }), apiKey: ApiKeyBody }, strict);
export const ApiKeyList = Type.Object({ items: Type.Array(ApiKeyBody) }, strict);

const WebhookEventName = Type.Union([
  Type.Literal('story.published'),
  Type.Literal('story.updated'),
  Type.Literal('story.unpublished'),
  Type.Literal('story.corrected'),
  Type.Literal('comment.approved'),
]);
export const NewWebhook = Type.Object(
  {
    serviceCode: Type.String({ maxLength: SERVICE_CODE.maxLength }),
    url: Type.String({ maxLength: WEBHOOK_LIMITS.url, description: 'http(s) address; loopback, private and link-local addresses are refused' }),
    events: Type.Array(WebhookEventName, { minItems: 1, maxItems: 5 }),
  },
  strict,
);
export const WebhookBody = Type.Object(
  { id: Type.Integer(), serviceCode: Type.String(), url: Type.String(), events: Type.Array(Type.String()), createdAt: Time, disabledAt: Nullable(Time) },
  strict,
);
export const RegisteredWebhook = Type.Object({ secret: Type.String({ description: 'the signing secret, shown only now' }), webhook: WebhookBody }, strict);
export const WebhookList = Type.Object({ items: Type.Array(WebhookBody) }, strict);
export const DeliveryBody = Type.Object(
  {
    id: Type.Integer(),
    messageId: Type.String(),
    event: Type.String(),
    state: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
    attempts: Type.Integer(),
    responseStatus: Nullable(Type.Integer()),
    lastError: Nullable(Type.String()),
    createdAt: Time,
    lastAttemptAt: Nullable(Time),
  },
  strict,
);
export const DeliveryList = Type.Object({ items: Type.Array(DeliveryBody), hasNext: Type.Boolean() }, strict);
export const DeliveryQuery = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })) }, strict);
