import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { WebActions } from '../../../actions/web-actions.js';
import { responses } from './errors.js';
import { authOf } from '../../shared/route-permission.js';
import { Id } from '../../shared/schemas.js';
import { IdParams } from './schemas.js';

const TranslationsRequest = Type.Object(
  {
    storyIds: Type.Array(Id, {
      maxItems: 100,
      description: "the story's versions in other services, one per service: the whole group (those left out are unlinked; [] unlinks all)",
    }),
  },
  { additionalProperties: false },
);

const Translations = Type.Object({
  items: Type.Array(Type.Object({ id: Id, serviceCode: Type.String(), headline: Type.String(), status: Type.String() })),
});

/** A story's translation group: its versions in other services, which readers and search engines follow. */
export const translationRoutes: FastifyPluginAsyncTypebox<{ actions: WebActions }> = async (app, { actions }) => {
  app.get(
    '/stories/:id/translations',
    { config: { permission: 'story.read' }, schema: { tags: ['stories'], params: IdParams, response: responses({ 200: Translations }) } },
    async (request) => ({ items: await actions.listLinkedVersions(authOf(request).actor, request.params.id) }),
  );

  app.put(
    '/stories/:id/translations',
    {
      config: { permission: 'story.edit' },
      schema: { tags: ['stories'], params: IdParams, body: TranslationsRequest, response: responses({ 200: Translations }) },
    },
    async (request) => ({ items: await actions.setTranslations(authOf(request).actor, request.params.id, request.body.storyIds) }),
  );
};
