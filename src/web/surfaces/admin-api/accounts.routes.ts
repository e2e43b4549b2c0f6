import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WebActions } from '../../../actions/web-actions.js';
import type { ApiToken } from '../../../domain/user/api-token.js';
import { CreatedToken, DisabledUser, NewToken, TokenBody, TokenList, TokenQuery } from './accounts.schemas.js';
import { responses } from './errors.js';
import { authOf, requireSessionForNewToken } from '../../shared/route-permission.js';
import { IdParams, UserBody } from './schemas.js';
import { userJson } from './to-json.js';

const tags = ['tokens'];

export function tokenJson(token: ApiToken) {
  return {
    ...token,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}


/** Personal API tokens (everyone their own; admins anyone's) and disabling accounts (admins). */
export const accountRoutes: FastifyPluginAsyncTypebox<{ actions: WebActions }> = async (app, { actions }) => {
  app.get(
    '/tokens',
    { config: { permission: 'signed-in' }, schema: { tags, querystring: TokenQuery, response: responses({ 200: TokenList }) } },
    async (request) => {
      const auth = authOf(request);
      const result = await actions.listApiTokens(auth.actor, { id: request.query.user ?? auth.userId });
      return { userId: result.userId, items: result.items.map(tokenJson) };
    },
  );

  app.post(
    '/tokens',
    { config: { permission: 'signed-in' }, schema: { tags, body: NewToken, response: responses({ 201: CreatedToken }) } },
    async (request, reply) => {
      const auth = authOf(request);
      requireSessionForNewToken(auth);
      const { userId, ...input } = request.body;
      const { token, apiToken } = await actions.issueApiToken(auth.actor, { id: userId ?? auth.userId }, input);
      return reply.code(201).send({ token, item: tokenJson(apiToken) });
    },
  );

  app.delete(
    '/tokens/:id',
    { config: { permission: 'signed-in' }, schema: { tags, params: IdParams, response: responses({ 200: TokenBody }) } },
    async (request) => tokenJson(await actions.revokeApiToken(authOf(request).actor, request.params.id)),
  );

  app.post(
    '/users/:id/disable',
    { config: { permission: 'user.manage' }, schema: { tags: ['users'], params: IdParams, response: responses({ 200: DisabledUser }) } },
    async (request) => {
      const result = await actions.disableUser(authOf(request).actor, { id: request.params.id });
      return { ...result, user: userJson(result.user) };
    },
  );

  app.post(
    '/users/:id/enable',
    { config: { permission: 'user.manage' }, schema: { tags: ['users'], params: IdParams, response: responses({ 200: UserBody }) } },
    async (request) => userJson(await actions.enableUser(authOf(request).actor, { id: request.params.id })),
  );
};
