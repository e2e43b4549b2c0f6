import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_FRONT_STORIES } from '../../../actions/front-page/set-front-page.js';
import { can } from '../../../domain/user/permissions.js';
import { FrontPageForm } from '../../../views/pages/newsroom/front-page.page.js';
import { authOf } from '../../shared/route-permission.js';
import type { FormBody } from './form-body.js';
import { formNumber, type PageHelpers } from './page-helpers.js';
import { refusalText } from './error-text.js';

/** /newsroom/front: a service's editors choose its lead and top stories. */
export function frontPagePages(app: FastifyInstance, { actions, mastheadFor, html }: PageHelpers): void {
  const formPage = async (request: FastifyRequest, reply: FastifyReply, wanted: string | undefined, saved: boolean, error: string | null = null) => {
    const actor = authOf(request).actor;
    const services = (await actions.newsroomFormOptions(actor)).services.filter((s) => can(actor, 'front.edit', { serviceCode: s.code }));
    const serviceCode = services.find((s) => s.code === wanted)?.code ?? services[0]?.code ?? '';
    const data = serviceCode ? await actions.frontPageFormData(actor, serviceCode) : { chosen: [], stories: [] };
    return html(
      reply,
      <FrontPageForm
        masthead={await mastheadFor(request)}
        services={services}
        serviceCode={serviceCode}
        stories={data.stories}
        chosen={data.chosen}
        slots={MAX_FRONT_STORIES}
        saved={saved}
        error={error}
      />,
      error ? 400 : 200,
    );
  };

  app.get('/newsroom/front', { config: { permission: 'front.edit' } }, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    return formPage(request, reply, query.service, query.saved === '1');
  });

  app.post('/newsroom/front', { config: { permission: 'front.edit' } }, async (request, reply) => {
    const form = (request.body ?? {}) as FormBody;
    const serviceCode = form.serviceCode ?? '';
    const storyIds = Array.from({ length: MAX_FRONT_STORIES }, (_, index) => formNumber(form[`story${index}`])).filter((id) => id !== undefined);
    try {
      await actions.setFrontPage(authOf(request).actor, serviceCode, storyIds);
      return reply.redirect(`/newsroom/front?service=${encodeURIComponent(serviceCode)}&saved=1`, 303);
    } catch (error) {
      return formPage(request, reply, serviceCode, false, refusalText(request, error));
    }
  });
}
