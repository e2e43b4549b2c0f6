import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { issueApiKey, listApiKeys, revokeApiKey } from '../../../actions/content-api/api-keys.js';
import type { ActionDeps } from '../../../actions/deps.js';
import type { ContentApiKey } from '../../../domain/distribution/content-api-key.js';
import { ApiKeyBody, ApiKeyList, IssuedApiKey, NewApiKey } from './distribution.schemas.js';
import { responses } from './errors.js';
import { authOf } from './route-permission.js';
import { IdParams } from './schemas.js';

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

/** Content API keys (admins): issue one (the key is shown once), list them, revoke one. */
export const distributionRoutes: FastifyPluginAsyncTypebox<{ actions: ActionDeps }> = async (app, { actions }) => {
  app.get(
    '/content-api-keys',
    { config: { permission: 'distribution.manage' }, schema: { tags, response: responses({ 200: ApiKeyList }) } },
    async (request) => ({ items: (await listApiKeys(actions, authOf(request).actor)).map(apiKeyJson) }),
  );
  app.post(
    '/content-api-keys',
    { config: { permission: 'distribution.manage' }, schema: { tags, body: NewApiKey, response: responses({ 201: IssuedApiKey }) } },
    async (request, reply) => {
      const issued = await issueApiKey(actions, authOf(request).actor, request.body);
      return reply.code(201).send({ key: issued.key, apiKey: apiKeyJson(issued.apiKey) });
    },
  );
  app.post(
    '/content-api-keys/:id/revoke',
    { config: { permission: 'distribution.manage' }, schema: { tags, params: IdParams, response: responses({ 200: ApiKeyBody }) } },
    async (request) => apiKeyJson(await revokeApiKey(actions, authOf(request).actor, request.params.id)),
  );
};
