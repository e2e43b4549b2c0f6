import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WebActions } from '../../../actions/web-actions.js';
import { responses } from './errors.js';
import { authOf } from '../../shared/route-permission.js';
import {
  IdParams,
  NewSection,
  NewService,
  SectionBody,
  SectionList,
  SectionListQuery,
  SectionUpdate,
  ServiceBody,
  ServiceInfoBody,
  ServiceList,
  ServiceParams,
  ServiceUpdate,
} from './schemas.js';

/** Language services and their sections: read by the whole newsroom, kept by admins. */
export const serviceRoutes: FastifyPluginAsyncTypebox<{ actions: WebActions }> = async (app, { actions }) => {
  app.get(
    '/services',
    { config: { permission: 'story.read' }, schema: { tags: ['services'], response: responses({ 200: ServiceList }) } },
    async (request) => ({ items: await actions.listLanguageServices(authOf(request).actor) }),
  );

  app.post(
    '/services',
    { config: { permission: 'service.manage' }, schema: { tags: ['services'], body: NewService, response: responses({ 201: ServiceBody }) } },
    async (request, reply) => reply.code(201).send(await actions.createService(authOf(request).actor, request.body)),
  );

  app.put(
    '/services/:code',
    {
      config: { permission: 'service.manage' },
      schema: { tags: ['services'], params: ServiceParams, body: ServiceUpdate, response: responses({ 200: ServiceBody }) },
    },
    async (request) => actions.updateService(authOf(request).actor, request.params.code, request.body),
  );

  app.get(
    '/services/:code/info',
    { config: { permission: 'service.manage' }, schema: { tags: ['services'], params: ServiceParams, response: responses({ 200: ServiceInfoBody }) } },
    async (request) => actions.getServiceInfo(authOf(request).actor, request.params.code),
  );

  app.put(
    '/services/:code/info',
    {
      config: { permission: 'service.manage' },
      schema: { tags: ['services'], params: ServiceParams, body: ServiceInfoBody, response: responses({ 200: ServiceInfoBody }) },
    },
    async (request) => actions.updateServiceInfo(authOf(request).actor, request.params.code, request.body),
  );

  app.get(
    '/sections',
    { config: { permission: 'story.read' }, schema: { tags: ['sections'], querystring: SectionListQuery, response: responses({ 200: SectionList }) } },
    async (request) => ({ items: await actions.listSections(authOf(request).actor, request.query.service) }),
  );

  app.post(
    '/sections',
    { config: { permission: 'service.manage' }, schema: { tags: ['sections'], body: NewSection, response: responses({ 201: SectionBody }) } },
    async (request, reply) => reply.code(201).send(await actions.createSection(authOf(request).actor, request.body)),
  );

  app.put(
    '/sections/:id',
    {
      config: { permission: 'service.manage' },
      schema: { tags: ['sections'], params: IdParams, body: SectionUpdate, response: responses({ 200: SectionBody }) },
    },
    async (request) => actions.updateSection(authOf(request).actor, request.params.id, request.body),
  );
};
