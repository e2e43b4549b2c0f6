import type { FastifyInstance } from 'fastify';
import type { ActionDeps } from '../../../actions/deps.js';
import { openLiveStream } from '../../../actions/reader/live-updates.js';
import { invalid, notFound } from '../../../domain/shared/errors.js';
import type { LiveStreams } from '../../live/live-streams.js';
import { Type, type Static } from 'typebox';
import type { PushDeps } from '../../../actions/push/push-deps.js';
import { subscribeToAlerts, unsubscribeFromAlerts, vapidKeys } from '../../../actions/push/push-subscriptions.js';

const SERVICE_CODE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/;
const ID = /^[1-9]\d{0,11}$/;
/** Event log ids: 0 too (a reader who has seen nothing yet). */
const EVENT_ID = /^(?:0|[1-9]\d{0,15})$/;

export interface LiveSurfaceDeps {
  readonly actions: Pick<ActionDeps, 'store' | 'clock' | 'chromeCache'>;
  readonly streams: LiveStreams;
  readonly push: PushDeps;
}

const PushSubscriptionBody = Type.Object(
  {
    endpoint: Type.String({ maxLength: 2_000 }),
    expirationTime: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
    keys: Type.Object({ p256dh: Type.String({ maxLength: 200 }), auth: Type.String({ maxLength: 100 }) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
const Unsubscribe = Type.Object({ endpoint: Type.String({ maxLength: 2_000 }) }, { additionalProperties: false });

/**
 * GET /{service}/live: a Server-Sent Events stream of what open pages of the service show
 * live (its breaking alert, story and comment-count updates); `?story=ID` narrows the story
 * updates to one story. A reconnecting browser sends Last-Event-ID (or `?lastEventId=`) and
 * gets exactly what it missed. Never cached.
 */
export async function liveSurface(app: FastifyInstance, deps: LiveSurfaceDeps): Promise<void> {
  app.get<{ Params: { service: string }; Querystring: Record<string, unknown> }>('/:service/live', async (request, reply) => {
    const serviceCode = request.params.service;
    if (!SERVICE_CODE.test(serviceCode)) throw notFound('SERVICE_NOT_FOUND', 'There is no language service at this address', { serviceCode });
    const { story, lastEventId: lastEventQuery, ...unknown } = request.query;
    const extra = Object.keys(unknown)[0];
    if (extra !== undefined) throw invalid('FIELD_UNKNOWN', `unknown query parameter "${extra}"`, extra);
    if (story !== undefined && (typeof story !== 'string' || !ID.test(story))) {
      throw invalid('FIELD_INVALID', 'story must be a story id', 'story');
    }
    const header = request.headers['last-event-id'];
    const rawLast = typeof header === 'string' ? header : lastEventQuery;
    if (rawLast !== undefined && (typeof rawLast !== 'string' || !EVENT_ID.test(rawLast))) {
      throw invalid('LAST_EVENT_ID_INVALID', 'Last-Event-ID must be an id this stream sent', 'Last-Event-ID');
    }
    const filter = { serviceCode, ...(story === undefined ? {} : { storyId: Number(story) }) };
    const current = await openLiveStream(deps.actions, filter);
    reply.hijack();
    await deps.streams.open(reply.raw, filter, current, rawLast === undefined ? undefined : Number(rawLast));
  });

  const service = (code: string) => {
    if (!SERVICE_CODE.test(code)) throw notFound('SERVICE_NOT_FOUND', 'There is no language service at this address', { serviceCode: code });
    return code;
  };

  // Web Push for breaking alerts: the key browsers subscribe with, and readers' subscriptions.
  app.get<{ Params: { service: string } }>('/:service/push/key', async (request, reply) => {
    await openLiveStream(deps.actions, { serviceCode: service(request.params.service) });
    return reply.header('cache-control', 'no-cache').send({ publicKey: (await vapidKeys(deps.push)).publicKey });
  });
  app.post<{ Params: { service: string }; Body: Static<typeof PushSubscriptionBody> }>(
    '/:service/push/subscriptions',
    { schema: { body: PushSubscriptionBody } },
    async (request, reply) => {
      await subscribeToAlerts(deps.push, service(request.params.service), request.body);
      return reply.code(201).send({ ok: true });
    },
  );
  app.delete<{ Params: { service: string }; Body: Static<typeof Unsubscribe> }>(
    '/:service/push/subscriptions',
    { schema: { body: Unsubscribe } },
    async (request) => {
      service(request.params.service);
      await unsubscribeFromAlerts(deps.push, request.body.endpoint);
      return { ok: true };
    },
  );
}
