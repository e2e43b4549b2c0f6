import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { WebActions } from '../../../actions/web-actions.js';
import { MAX_FRONT_STORIES } from '../../../actions/front-page/set-front-page.js';
import { responses } from './errors.js';
import { authOf } from '../../shared/route-permission.js';
import { Id } from '../../shared/schemas.js';
import { ServiceParams } from './schemas.js';

const FrontPage = Type.Object(
  { storyIds: Type.Array(Id, { maxItems: MAX_FRONT_STORIES, description: 'Lead story first, then the top stories' }) },
  { additionalProperties: false },
);

/** The editor's choice of lead and top stories on a service's front page. */
export const frontPageRoutes: FastifyPluginAsyncTypebox<{ actions: WebActions }> = async (app, { actions }) => {
  app.get(
    '/services/:code/front-page',
    { config: { permission: 'front.edit' }, schema: { tags: ['services'], params: ServiceParams, response: responses({ 200: FrontPage }) } },
    async (request) => ({ storyIds: await actions.getFrontPageChoice(authOf(request).actor, request.params.code) }),
  );

  app.put(
    '/services/:code/front-page',
    {
      config: { permission: 'front.edit' },
      schema: { tags: ['services'], params: ServiceParams, body: FrontPage, response: responses({ 200: FrontPage }) },
    },
    async (request) => ({ storyIds: await actions.setFrontPage(authOf(request).actor, request.params.code, request.body.storyIds) }),
  );
};
