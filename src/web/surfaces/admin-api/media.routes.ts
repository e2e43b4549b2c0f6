import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ActionDeps } from '../../../actions/deps.js';
import { editMedia } from '../../../actions/media/edit-media.js';
import { getMedia, listMedia } from '../../../actions/media/media-library.js';
import { responses } from './errors.js';
import { MediaBody, MediaList, MediaListQuery, MediaUpdate } from './media.schemas.js';
import { authOf } from './route-permission.js';
import { IdParams } from './schemas.js';
import { mediaJson, mediaSummaryJson, type MediaUrl } from './media-json.js';

const tags = ['media'];

/** The media library: list and search, one item with its renditions and captions, edit its words. */
export const mediaRoutes: FastifyPluginAsyncTypebox<{ actions: ActionDeps; mediaUrl: MediaUrl }> = async (app, { actions, mediaUrl }) => {
  app.get(
    '/media',
    { config: { permission: 'media.read' }, schema: { tags, querystring: MediaListQuery, response: responses({ 200: MediaList }) } },
    async (request) => {
      const result = await listMedia(actions, authOf(request).actor, request.query);
      return { ...result, items: result.items.map((item) => mediaSummaryJson(item, mediaUrl)) };
    },
  );

  app.get(
    '/media/:id',
    { config: { permission: 'media.read' }, schema: { tags, params: IdParams, response: responses({ 200: MediaBody }) } },
    async (request) => mediaJson(await getMedia(actions, authOf(request).actor, request.params.id), mediaUrl),
  );

  app.patch(
    '/media/:id',
    { config: { permission: 'media.edit' }, schema: { tags, params: IdParams, body: MediaUpdate, response: responses({ 200: MediaBody }) } },
    async (request) => {
      const { alt, ...words } = request.body;
      const change = { ...words, ...(alt !== undefined ? { altText: alt } : {}) };
      return mediaJson(await editMedia(actions, authOf(request).actor, request.params.id, change), mediaUrl);
    },
  );
};
