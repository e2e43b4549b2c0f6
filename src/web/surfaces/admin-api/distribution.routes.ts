import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WebActions } from '../../../actions/web-actions.js';
import type { ContentApiKey } from '../../../domain/distribution/content-api-key.js';
import type { WebhookDelivery, WebhookEndpoint } from '../../../domain/distribution/webhook.js';
import {
  ApiKeyBody,
  ApiKeyList,
  DeliveryBody,
  DeliveryList,
  DeliveryQuery,
  IssuedApiKey,
  NewApiKey,
  NewWebhook,
  RegisteredWebhook,
  WebhookList,
} from './distribution.schemas.js';
import { responses } from './errors.js';
import { authOf } from '../../shared/route-permission.js';
import { Done, IdParams } from './schemas.js';

const tags = ['distribution'];

export function apiKeyJson(key: ContentApiKey) {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    requestsPerMinute: key.requestsPerMinute,
    createdAt: key.createdAt.toISOString(),
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

export function webhookJson(endpoint: WebhookEndpoint) {
  return {
    id: endpoint.id,
    serviceCode: endpoint.serviceCode,
    url: endpoint.url,
    events: [...endpoint.events],
    createdAt: endpoint.createdAt.toISOString(),
    disabledAt: endpoint.disabledAt?.toISOString() ?? null,
  };
}

export function deliveryJson(delivery: WebhookDelivery) {
  return {
    id: delivery.id,
    messageId: delivery.messageId,
    event: delivery.event,
    state: delivery.state,
    attempts: delivery.attempts,
    responseStatus: delivery.responseStatus,
    lastError: delivery.lastError,
    createdAt: delivery.createdAt.toISOString(),
    lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
  };
}

/** Content API keys (admins): issue one (the key is shown once), list them, revoke one. */
export const distributionRoutes: FastifyPluginAsyncTypebox<{ actions: WebActions }> = async (app, { actions }) => {
  app.get(
    '/content-api-keys',
    { config: { permission: 'distribution.manage' }, schema: { tags, response: responses({ 200: ApiKeyList }) } },
    async (request) => ({ items: (await actions.listApiKeys(authOf(request).actor)).map(apiKeyJson) }),
  );
  app.post(
    '/content-api-keys',
    { config: { permission: 'distribution.manage' }, schema: { tags, body: NewApiKey, response: responses({ 201: IssuedApiKey }) } },
    async (request, reply) => {
      const issued = await actions.issueApiKey(authOf(request).actor, request.body);
      return reply.code(201).send({ key: issued.key, apiKey: apiKeyJson(issued.apiKey) });
    },
  );
  app.post(
    '/content-api-keys/:id/revoke',
    { config: { permission: 'distribution.manage' }, schema: { tags, params: IdParams, response: responses({ 200: ApiKeyBody }) } },
    async (request) => apiKeyJson(await actions.revokeApiKey(authOf(request).actor, request.params.id)),
  );

  app.get(
    '/webhooks',
    { config: { permission: 'distribution.manage' }, schema: { tags, response: responses({ 200: WebhookList }) } },
    async (request) => ({ items: (await actions.listWebhooks(authOf(request).actor)).map(webhookJson) }),
  );
  app.post(
    '/webhooks',
    { config: { permission: 'distribution.manage' }, schema: { tags, body: NewWebhook, response: responses({ 201: RegisteredWebhook }) } },
    async (request, reply) => {
      const { endpoint, secret } = await actions.registerWebhook(authOf(request).actor, request.body);
      return reply.code(201).send({ secret, webhook: webhookJson(endpoint) });
    },
  );
  app.post(
    '/webhooks/:id/disable',
    { config: { permission: 'distribution.manage' }, schema: { tags, params: IdParams, response: responses({ 200: Done }) } },
    async (request) => {
      await actions.disableWebhook(authOf(request).actor, request.params.id);
      return { ok: true };
    },
  );
  app.get(
    '/webhooks/:id/deliveries',
    { config: { permission: 'distribution.manage' }, schema: { tags, params: IdParams, querystring: DeliveryQuery, response: responses({ 200: DeliveryList }) } },
    async (request) => {
      const list = await actions.listDeliveries(authOf(request).actor, request.params.id, request.query.page ?? 1);
      return { items: list.items.map(deliveryJson), hasNext: list.hasNext };
    },
  );
  app.post(
    '/webhook-deliveries/:id/redeliver',
    { config: { permission: 'distribution.manage' }, schema: { tags, params: IdParams, response: responses({ 200: DeliveryBody }) } },
    async (request) => deliveryJson(await actions.redeliverWebhook(authOf(request).actor, request.params.id)),
  );
};
