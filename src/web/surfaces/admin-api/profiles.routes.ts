import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WebActions } from '../../../actions/web-actions.js';
import { responses } from './errors.js';
import { authOf } from '../../shared/route-permission.js';
import { IdParams, NewProfile, ProfileBody, ProfileList, ProfileSearchQuery, ProfileUpdate } from './schemas.js';
import { profileJson } from './to-json.js';

const tags = ['profiles'];

/** People, organisations and places: searched as you type by everyone who writes stories, kept by editors. */
export const profileRoutes: FastifyPluginAsyncTypebox<{ actions: WebActions }> = async (app, { actions }) => {
  app.get(
    '/profiles',
    { config: { permission: 'story.read' }, schema: { tags, querystring: ProfileSearchQuery, response: responses({ 200: ProfileList }) } },
    async (request) => {
      const { q, serviceCode, limit } = request.query;
      const found = await actions.searchProfiles(authOf(request).actor, {
        ...(q !== undefined ? { q } : {}),
        ...(serviceCode ? { serviceCode } : {}),
        ...(limit !== undefined ? { limit } : {}),
      });
      return { items: found.items.map(profileJson), total: found.total };
    },
  );

  app.get(
    '/profiles/:id',
    { config: { permission: 'story.read' }, schema: { tags, params: IdParams, response: responses({ 200: ProfileBody }) } },
    async (request) => profileJson(await actions.getProfile(authOf(request).actor, request.params.id)),
  );

  app.post(
    '/profiles',
    { config: { permission: 'profile.edit' }, schema: { tags, body: NewProfile, response: responses({ 201: ProfileBody }) } },
    async (request, reply) => {
      const actor = authOf(request).actor;
      const saved = await actions.createProfile(actor, request.body);
      return reply.code(201).send(profileJson(await actions.getProfile(actor, saved.id)));
    },
  );

  app.put(
    '/profiles/:id',
    { config: { permission: 'profile.edit' }, schema: { tags, params: IdParams, body: ProfileUpdate, response: responses({ 200: ProfileBody }) } },
    async (request) => {
      const actor = authOf(request).actor;
      const saved = await actions.updateProfile(actor, request.params.id, request.body);
      return profileJson(await actions.getProfile(actor, saved.id));
    },
  );
};
