import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../../domain/shared/errors.js';
import { DeliveriesPage, DistributionPage, type DistributionPageModel } from '../../../views/pages/newsroom/distribution.page.js';
import { authOf } from '../../shared/route-permission.js';
import type { FormBody } from './form-body.js';
import { formNumber, idOf, type PageHelpers } from './page-helpers.js';
import { refusalText } from './error-text.js';

const permission = { config: { permission: 'distribution.manage' } } as const;

/** /newsroom/distribution (admins): issue and revoke Content API keys; register, disable and watch webhooks. */
export function distributionPages(app: FastifyInstance, { actions, mastheadFor, html }: PageHelpers): void {
  const show = async (request: FastifyRequest, reply: FastifyReply, extra: Partial<DistributionPageModel> = {}, status = 200) => {
    const actor = authOf(request).actor;
    const [keys, webhooks, services] = await Promise.all([actions.listApiKeys(actor), actions.listWebhooks(actor), actions.listLanguageServices(actor)]);
    return html(reply, <DistributionPage masthead={await mastheadFor(request)} model={{ keys, webhooks, services, ...extra }} />, status);
  };
  const refusedOr = async (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    return show(request, reply, { error: refusalText(request, error) }, 400);
  };

  app.get('/newsroom/distribution', permission, async (request, reply) => show(request, reply));

  app.post('/newsroom/distribution/keys', permission, async (request, reply) => {
    const form = (request.body ?? {}) as FormBody;
    try {
      const issued = await actions.issueApiKey(authOf(request).actor, { name: form.name ?? '', requestsPerMinute: formNumber(form.requestsPerMinute) });
      return await show(request, reply, { issuedKey: issued.key });
    } catch (error) {
      return refusedOr(request, reply, error);
    }
  });

  app.post('/newsroom/distribution/keys/:id/revoke', permission, async (request, reply) => {
    await actions.revokeApiKey(authOf(request).actor, idOf(request));
    return reply.redirect('/newsroom/distribution', 303);
  });

  app.post('/newsroom/distribution/webhooks', permission, async (request, reply) => {
    const form = (request.body ?? {}) as FormBody;
    // One checkbox per event (the form parser keeps one value per name).
    const events = Object.keys(form).filter((name) => name.startsWith('event:') && form[name] === '1').map((name) => name.slice('event:'.length));
    try {
      const registered = await actions.registerWebhook(authOf(request).actor, { serviceCode: form.serviceCode ?? '', url: form.url ?? '', events });
      return await show(request, reply, { issuedSecret: registered.secret });
    } catch (error) {
      return refusedOr(request, reply, error);
    }
  });

  app.post('/newsroom/distribution/webhooks/:id/disable', permission, async (request, reply) => {
    await actions.disableWebhook(authOf(request).actor, idOf(request));
    return reply.redirect('/newsroom/distribution', 303);
  });

  app.get('/newsroom/distribution/webhooks/:id', permission, async (request, reply) => {
    const actor = authOf(request).actor;
    const endpoint = (await actions.listWebhooks(actor)).find((hook) => hook.id === idOf(request));
    if (!endpoint) throw notFound('WEBHOOK_NOT_FOUND', 'there is no such webhook');
    const log = await actions.listDeliveries(actor, endpoint.id);
    return html(reply, <DeliveriesPage masthead={await mastheadFor(request)} endpoint={endpoint} deliveries={log.items} />);
  });

  app.post('/newsroom/distribution/deliveries/:id/redeliver', permission, async (request, reply) => {
    const delivery = await actions.redeliverWebhook(authOf(request).actor, idOf(request));
    return reply.redirect(`/newsroom/distribution/webhooks/${delivery.endpointId}`, 303);
  });
}
