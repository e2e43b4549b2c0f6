import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ActionDeps } from '../../../actions/deps.js';
import { getFrontPageChoice, MAX_FRONT_STORIES, setFrontPage } from '../../../actions/front-page/set-front-page.js';
import { responses } from './errors.js';
import { authOf } from '../../shared/route-permission.js';
import { Id } from '../../shared/schemas.js';
import { ServiceParams } from './schemas.js';

const FrontPage = Type.Object(
  { storyIds: Type.Array(Id, { maxItems: MAX_FRONT_STORIES, description: 'Lead story first, then the top stories' }) },
  { additionalProperties: false },
);

/** The editor's choice of lead and top stories on a service's front page. */
export const frontPageRoutes: FastifyPluginAsyncTypebox<{ actions: ActionDeps }> = async (app, { actions }) => {
  app.get(
    '/services/:code/front-page',
    { config: { permission: 'front.edit' }, schema: { tags: ['services'], params: ServiceParams, response: responses({ 200: FrontPage }) } },
    async (request) => ({ storyIds: await getFrontPageChoice(actions, authOf(request).actor, request.params.code) }),
  );

  app.put(
    '/services/:code/front-page',
    {
      config: { permission: 'front.edit' },
      schema: { tags: ['services'], params: ServiceParams, body: FrontPage, response: responses({ 200: FrontPage }) },
    },
    async (request) => ({ storyIds: await setFrontPage(actions, authOf(request).actor, request.params.code, request.body.storyIds) }),
  );
};
