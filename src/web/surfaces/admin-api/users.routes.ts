import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ActionDeps } from '../../../actions/deps.js';
import { createUser } from '../../../actions/users/create-user.js';
import { listAudit } from '../../../actions/users/list-audit.js';
import { listUsers } from '../../../actions/users/list-users.js';
import { responses } from './errors.js';
import { authOf } from '../../shared/route-permission.js';
import { AuditList, AuditQuery, NewUser, PageQuery, UserBody, UserList } from './schemas.js';
import { userJson } from './to-json.js';

const tags = ['users'];

/** Accounts and roles, and the audit log (admins). */
export const userRoutes: FastifyPluginAsyncTypebox<{ actions: ActionDeps }> = async (app, { actions }) => {
  app.get(
    '/users',
    { config: { permission: 'user.manage' }, schema: { tags, querystring: PageQuery, response: responses({ 200: UserList }) } },
    async (request) => {
      const result = await listUsers(actions, authOf(request).actor, request.query);
      return { ...result, items: result.items.map(userJson) };
    },
  );

  app.post(
    '/users',
    { config: { permission: 'user.manage' }, schema: { tags, body: NewUser, response: responses({ 201: UserBody }) } },
    async (request, reply) => reply.code(201).send(userJson(await createUser(actions, authOf(request).actor, request.body))),
  );

  app.get(
    '/audit',
    { config: { permission: 'audit.read' }, schema: { tags: ['audit'], querystring: AuditQuery, response: responses({ 200: AuditList }) } },
    async (request) => {
      const result = await listAudit(actions, authOf(request).actor, request.query);
      return { ...result, items: result.items.map((entry) => ({ ...entry, details: { ...entry.details }, at: entry.at.toISOString() })) };
    },
  );
};
