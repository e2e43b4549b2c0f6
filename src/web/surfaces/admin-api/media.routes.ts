import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WebActions } from '../../../actions/web-actions.js';
import type { MediaActions } from '../../../actions/web-actions.js';
import { responses } from './errors.js';
import { CaptionsParams, CaptionsRequest, MediaBody, MediaList, MediaListQuery, MediaUpdate } from './media.schemas.js';
import { authOf } from '../../shared/route-permission.js';
import { IdParams } from './schemas.js';
import { mediaJson, mediaSummaryJson } from './media-json.js';

const tags = ['media'];

/** The media library: list and search, one item with its renditions and captions, edit its words, add captions. */
export const mediaRoutes: FastifyPluginAsyncTypebox<{ actions: WebActions; media: MediaActions }> = async (app, { actions, media }) => {
  const mediaUrl = (key: string) => media.urlPath(key);
  app.get(
    '/media',
    { config: { permission: 'media.read' }, schema: { tags, querystring: MediaListQuery, response: responses({ 200: MediaList }) } },
    async (request) => {
      const result = await actions.listMedia(authOf(request).actor, request.query);
      return { ...result, items: result.items.map((item) => mediaSummaryJson(item, mediaUrl)) };
    },
  );

  app.get(
    '/media/:id',
    { config: { permission: 'media.read' }, schema: { tags, params: IdParams, response: responses({ 200: MediaBody }) } },
    async (request) => mediaJson(await actions.getMedia(authOf(request).actor, request.params.id), mediaUrl),
  );

  app.patch(
    '/media/:id',
    { config: { permission: 'media.edit' }, schema: { tags, params: IdParams, body: MediaUpdate, response: responses({ 200: MediaBody }) } },
    async (request) => {
      const { alt, ...words } = request.body;
      const change = { ...words, ...(alt !== undefined ? { altText: alt } : {}) };
      return mediaJson(await actions.editMedia(authOf(request).actor, request.params.id, change), mediaUrl);
    },
  );

  app.put(
    '/media/:id/captions/:language',
    {
      config: { permission: 'media.edit' },
      schema: { tags, params: CaptionsParams, body: CaptionsRequest, response: responses({ 200: MediaBody }) },
    },
    async (request) => {
      const { id, language } = request.params;
      const input = { language, label: request.body.label, bytes: Buffer.from(request.body.vtt, 'utf8') };
      return mediaJson(await media.addCaptions(authOf(request).actor, id, input), mediaUrl);
    },
  );
};
