import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WebActions } from '../../../actions/web-actions.js';
import { responses } from './errors.js';
import { authOf } from '../../shared/route-permission.js';
import { AuditList, AuditQuery, NewUser, PageQuery, UserBody, UserList } from './schemas.js';
import { userJson } from './to-json.js';

const tags = ['users'];

/** Accounts and roles, and the audit log (admins). */
export const userRoutes: FastifyPluginAsyncTypebox<{ actions: WebActions }> = async (app, { actions }) => {
  app.get(
    '/users',
    { config: { permission: 'user.manage' }, schema: { tags, querystring: PageQuery, response: responses({ 200: UserList }) } },
    async (request) => {
      const result = await actions.listUsers(authOf(request).actor, request.query);
      return { ...result, items: result.items.map(userJson) };
    },
  );

  app.post(
    '/users',
    { config: { permission: 'user.manage' }, schema: { tags, body: NewUser, response: responses({ 201: UserBody }) } },
    async (request, reply) => reply.code(201).send(userJson(await actions.createUser(authOf(request).actor, request.body))),
  );

  app.get(
    '/audit',
    { config: { permission: 'audit.read' }, schema: { tags: ['audit'], querystring: AuditQuery, response: responses({ 200: AuditList }) } },
    async (request) => {
      const result = await actions.listAudit(authOf(request).actor, request.query);
      return { ...result, items: result.items.map((entry) => ({ ...entry, details: { ...entry.details }, at: entry.at.toISOString() })) };
    },
  );
};
