import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../domain/user/permissions.js';
import { AlertsPage, type AlertsPageProps } from '../../../views/pages/newsroom/alerts.page.js';
import { AuditPage } from '../../../views/pages/newsroom/audit.page.js';
import { authOf } from '../../shared/route-permission.js';
import type { FormBody } from './form-body.js';
import { formNumber, idOf, pageOf, type PageHelpers } from './page-helpers.js';
import { refusalText } from './error-text.js';
import { AuditQuery, ServicePageQuery } from './schemas.js';

const NO_VALUES: AlertsPageProps['values'] = { text: '', linkUrl: '', durationMinutes: '60' };

/** /newsroom/alerts: a service's breaking-news alerts, sent and taken down by its editors. */
export function alertPages(app: FastifyInstance, { actions, mastheadFor, html }: PageHelpers): void {
  const alertsPage = async (request: FastifyRequest, reply: FastifyReply, wanted: string | undefined, page: number, values = NO_VALUES, error: string | null = null) => {
    const actor = authOf(request).actor;
    const services = (await actions.newsroomFormOptions(actor)).services.filter((s) => can(actor, 'alert.create', { serviceCode: s.code }));
    const serviceCode = services.find((s) => s.code === wanted)?.code ?? services[0]?.code ?? '';
    const list = serviceCode ? await actions.listAlerts(actor, { serviceCode, page }) : { items: [], hasNext: false };
    return html(
      reply,
      <AlertsPage
        masthead={await mastheadFor(request)}
        services={services}
        serviceCode={serviceCode}
        alerts={list.items}
        page={page}
        hasNext={list.hasNext}
        values={values}
        error={error}
      />,
      error ? 400 : 200,
    );
  };

  app.get('/newsroom/alerts', { config: { permission: 'alert.create' }, schema: { querystring: ServicePageQuery } }, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    return alertsPage(request, reply, query.service, pageOf(query.page));
  });

  app.post('/newsroom/alerts', { config: { permission: 'alert.create' } }, async (request, reply) => {
    const form = (request.body ?? {}) as FormBody;
    const serviceCode = form.serviceCode ?? '';
    try {
      await actions.createAlert(authOf(request).actor, {
        serviceCode,
        text: form.text ?? '',
        linkUrl: form.linkUrl ?? null,
        durationMinutes: formNumber(form.durationMinutes),
      });
      return reply.redirect(`/newsroom/alerts?service=${encodeURIComponent(serviceCode)}`, 303);
    } catch (error) {
      const values = { text: form.text ?? '', linkUrl: form.linkUrl ?? '', durationMinutes: form.durationMinutes ?? '' };
      return alertsPage(request, reply, serviceCode, 1, values, refusalText(request, error));
    }
  });

  app.post('/newsroom/alerts/:id/expire', { config: { permission: 'alert.expire' } }, async (request, reply) => {
    const form = (request.body ?? {}) as FormBody;
    await actions.expireAlert(authOf(request).actor, idOf(request));
    return reply.redirect(`/newsroom/alerts${form.service ? `?service=${encodeURIComponent(form.service)}` : ''}`, 303);
  });
}

/** /newsroom/audit: who did what, filtered by person and action (audit.read). */
export function auditPages(app: FastifyInstance, { actions, mastheadFor, html }: PageHelpers): void {
  app.get('/newsroom/audit', { config: { permission: 'audit.read' }, schema: { querystring: AuditQuery } }, async (request, reply) => {
    const actor = authOf(request).actor;
    const query = request.query as Record<string, string | undefined>;
    const filter = { user: query.user ?? '', action: query.action ?? '' };
    const page = pageOf(query.page);
    const [log, choices] = await Promise.all([
      actions.listAudit(actor, { page, ...(filter.user ? { user: Number(filter.user) } : {}), ...(filter.action ? { action: filter.action } : {}) }),
      actions.auditFilterChoices(actor),
    ]);
    return html(
      reply,
      <AuditPage masthead={await mastheadFor(request)} choices={choices} filter={filter} entries={log.items} page={page} hasNext={log.hasNext} />,
    );
  });
}
