import type { FastifyInstance } from 'fastify';
import type { WebActions } from '../../../actions/web-actions.js';
import { invalid } from '../../../domain/shared/errors.js';
import { MAX_ID } from '../../../domain/shared/limits.js';
import type { LiveStreams } from '../../live/live-streams.js';
import type { PushActions } from '../../../actions/web-actions.js';
import { PushKeyQuery, PushSubscriptionBody, ServiceParams, StreamQuery, UnsubscribeBody } from './schemas.js';

/** An event log id as a Last-Event-ID header carries it (this stream only ever sends such ids). */
const EVENT_ID = /^[1-9]\d{0,9}$/;

export interface LiveSurfaceDeps {
  readonly actions: WebActions;
  readonly streams: LiveStreams;
  readonly push: PushActions;
}

/** The Last-Event-ID a reconnecting browser sends, else the page's `?lastEventId=`; a header that is no id of ours is a 400. */
function lastEventIdOf(header: string | string[] | undefined, query: number | undefined): number | undefined {
  if (header === undefined) return query;
  if (typeof header !== 'string' || !EVENT_ID.test(header) || Number(header) > MAX_ID) {
    throw invalid('LAST_EVENT_ID_INVALID', undefined, { field: 'Last-Event-ID', context: { header } });
  }
  return Number(header);
}

/**
 * GET /{service}/live: a Server-Sent Events stream of what open pages of the service show
 * live (its breaking alert, story, comment-count and live-entry updates); `?story=ID` narrows
 * the story updates to one story. A reconnecting browser sends Last-Event-ID (or `?lastEventId=`)
 * and gets exactly what it missed. Never cached.
 */
export async function liveSurface(app: FastifyInstance, deps: LiveSurfaceDeps): Promise<void> {
  app.get<{ Params: ServiceParams; Querystring: StreamQuery }>(
    '/:service/live',
    { schema: { params: ServiceParams, querystring: StreamQuery } },
    async (request, reply) => {
      const lastEventId = lastEventIdOf(request.headers['last-event-id'], request.query.lastEventId);
      const filter = { serviceCode: request.params.service, ...(request.query.story === undefined ? {} : { storyId: request.query.story }) };
      // Unknown service or story: a 404 before the stream opens.
      const current = await deps.actions.openLiveStream(filter);
      reply.hijack();
      await deps.streams.open(reply.raw, filter, current, lastEventId);
    },
  );

  // Web Push for breaking alerts: the key browsers subscribe with, and readers' subscriptions.
  app.get<{ Params: ServiceParams }>('/:service/push/key', { schema: { params: ServiceParams, querystring: PushKeyQuery } }, async (request, reply) => {
    await deps.actions.openLiveStream({ serviceCode: request.params.service });
    return reply.header('cache-control', 'no-cache').send({ publicKey: (await deps.push.vapidKeys()).publicKey });
  });
  app.post<{ Params: ServiceParams; Body: PushSubscriptionBody }>(
    '/:service/push/subscriptions',
    { schema: { params: ServiceParams, body: PushSubscriptionBody } },
    async (request, reply) => {
      await deps.push.subscribeToAlerts(request.params.service, request.body);
      return reply.code(201).send({ ok: true });
    },
  );
  app.delete<{ Params: ServiceParams; Body: UnsubscribeBody }>(
    '/:service/push/subscriptions',
    { schema: { params: ServiceParams, body: UnsubscribeBody } },
    async (request) => {
      await deps.push.unsubscribeFromAlerts(request.body.endpoint);
      return { ok: true };
    },
  );
}
