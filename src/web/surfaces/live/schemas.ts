import { Type, type Static } from 'typebox';
import { Id, ServiceCode, strict } from '../../shared/schemas.js';

// What the live stream and Web Push routes take. A stream's query is strict (a page builds it):
// a name it does not know is refused.

export const ServiceParams = Type.Object({ service: ServiceCode }, strict);
/** `story` narrows story updates to one story; `lastEventId` is where a page resumes (EventSource sends the header itself on reconnect). */
export const StreamQuery = Type.Object({ story: Type.Optional(Id), lastEventId: Type.Optional(Id) }, strict);
export const PushKeyQuery = Type.Object({}, strict);

/** A browser's PushSubscription as `toJSON()` gives it. */
export const PushSubscriptionBody = Type.Object(
  {
    endpoint: Type.String({ minLength: 1, maxLength: 2_000, pattern: '^https?://[^\\u0000\\s]+$' }),
    expirationTime: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 9_007_199_254_740_991 }), Type.Null()])),
    keys: Type.Object(
      { p256dh: Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_=-]+$' }), auth: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_=-]+$' }) },
      strict,
    ),
  },
  strict,
);
export const UnsubscribeBody = Type.Object({ endpoint: Type.String({ minLength: 1, maxLength: 2_000, pattern: '^https?://[^\\u0000\\s]+$' }) }, strict);

export type ServiceParams = Static<typeof ServiceParams>;
export type StreamQuery = Static<typeof StreamQuery>;
export type PushSubscriptionBody = Static<typeof PushSubscriptionBody>;
export type UnsubscribeBody = Static<typeof UnsubscribeBody>;
