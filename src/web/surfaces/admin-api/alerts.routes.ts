import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WebActions } from '../../../actions/web-actions.js';
import { responses } from './errors.js';
import { authOf } from '../../shared/route-permission.js';
import { AlertBody, AlertList, AlertListQuery, Done, IdParams, NewAlert } from './schemas.js';
import { alertJson } from './to-json.js';

const tags = ['alerts'];

/** Breaking-news alerts: list a service's, send one now, take one down. */
export const alertRoutes: FastifyPluginAsyncTypebox<{ actions: WebActions }> = async (app, { actions }) => {
  app.get(
    '/alerts',
    { config: { permission: 'alert.create' }, schema: { tags, querystring: AlertListQuery, response: responses({ 200: AlertList }) } },
    async (request) => {
      const { service, page } = request.query;
      const list = await actions.listAlerts(authOf(request).actor, { serviceCode: service, ...(page ? { page } : {}) });
      return { ...list, items: list.items.map((alert) => ({ ...alertJson(alert), state: alert.state })) };
    },
  );

  app.post(
    '/alerts',
    { config: { permission: 'alert.create' }, schema: { tags, body: NewAlert, response: responses({ 201: AlertBody }) } },
    async (request, reply) => reply.code(201).send(alertJson(await actions.createAlert(authOf(request).actor, request.body))),
  );

  app.post(
    '/alerts/:id/expire',
    { config: { permission: 'alert.expire' }, schema: { tags, params: IdParams, response: responses({ 200: Done }) } },
    async (request) => {
      await actions.expireAlert(authOf(request).actor, request.params.id);
      return { ok: true };
    },
  );
};
