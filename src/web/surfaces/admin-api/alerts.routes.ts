import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createAlert } from '../../../actions/alerts/create-alert.js';
import { expireAlert } from '../../../actions/alerts/expire-alert.js';
import type { ActionDeps } from '../../../actions/deps.js';
import { responses } from './errors.js';
import { authOf } from './route-permission.js';
import { AlertBody, Done, IdParams, NewAlert } from './schemas.js';
import { alertJson } from './to-json.js';

const tags = ['alerts'];

/** Breaking-news alerts: send one now, take one down. */
export const alertRoutes: FastifyPluginAsyncTypebox<{ actions: ActionDeps }> = async (app, { actions }) => {
  app.post(
    '/alerts',
    { config: { permission: 'alert.create' }, schema: { tags, body: NewAlert, response: responses({ 201: AlertBody }) } },
    async (request, reply) => reply.code(201).send(alertJson(await createAlert(actions, authOf(request).actor, request.body))),
  );

  app.post(
    '/alerts/:id/expire',
    { config: { permission: 'alert.expire' }, schema: { tags, params: IdParams, response: responses({ 200: Done }) } },
    async (request) => {
      await expireAlert(actions, authOf(request).actor, request.params.id);
      return { ok: true };
    },
  );
};
