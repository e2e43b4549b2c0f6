import { DEFAULT_TIME_ZONE } from '../../../actions/users/time-zone.js';
import { parseTimeZone } from '../../../domain/shared/time-zone.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceInfo } from '../../../domain/service/service-info.js';
import { notFound } from '../../../domain/shared/errors.js';
import {
  SectionFormPage,
  SectionsPage,
  ServiceFormPage,
  ServicesPage,
  type SectionFormValues,
  type ServiceFormValues,
} from '../../../views/pages/newsroom/services.page.js';
import { authOf } from '../../shared/route-permission.js';
import type { FormBody } from './form-body.js';
import { formNumber, idOf, type PageHelpers } from './page-helpers.js';
import { refusalText } from './error-text.js';

/** /newsroom/services and /newsroom/sections: the language services and their sections (admins). */
export function servicePages(app: FastifyInstance, { actions, mastheadFor, html }: PageHelpers): void {
  const saved = (request: FastifyRequest) => (request.query as { saved?: string }).saved === '1';

  // Services.

  app.get('/newsroom/services', { config: { permission: 'service.manage' } }, async (request, reply) =>
    html(reply, <ServicesPage masthead={await mastheadFor(request)} services={await actions.listLanguageServices(authOf(request).actor)} />),
  );

  const serviceForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    isNew: boolean,
    values: ServiceFormValues,
    error: string | null,
    info?: { values: ServiceInfo; error: string | null },
  ) => {
    const shownInfo = info ?? (isNew ? undefined : { values: await actions.getServiceInfo(authOf(request).actor, values.code), error: null });
    return html(
      reply,
      <ServiceFormPage masthead={await mastheadFor(request)} isNew={isNew} values={values} error={error} saved={saved(request)} info={shownInfo} />,
      error || shownInfo?.error ? 400 : 200,
    );
  };

  app.get('/newsroom/services/new', { config: { permission: 'service.manage' } }, async (request, reply) =>
    serviceForm(request, reply, true, { code: '', name: '', locale: '', direction: 'ltr', outlet: '', position: '0', timeZone: 'UTC' }, null),
  );

  app.post('/newsroom/services', { config: { permission: 'service.manage' } }, async (request, reply) => {
    const form = (request.body ?? {}) as FormBody;
    try {
      const service = await actions.createService(authOf(request).actor, { ...serviceFromForm(form), code: form.code ?? '' });
      return reply.redirect(`/newsroom/services/${encodeURIComponent(service.code)}?saved=1`, 303);
    } catch (error) {
      return serviceForm(request, reply, true, serviceValues(form, form.code ?? ''), refusalText(request, error));
    }
  });

  const findService = async (request: FastifyRequest) => {
    const code = (request.params as { code: string }).code;
    const service = (await actions.listLanguageServices(authOf(request).actor)).find((s) => s.code === code);
    if (!service) throw notFound('SERVICE_NOT_FOUND', `there is no service "${code}"`);
    return service;
  };

  app.get('/newsroom/services/:code', { config: { permission: 'service.manage' } }, async (request, reply) => {
    const service = await findService(request);
    const timeZone = (await actions.serviceTimeZones()).get(service.code) ?? DEFAULT_TIME_ZONE;
    return serviceForm(request, reply, false, { ...service, position: String(service.position), timeZone }, null);
  });

  app.post('/newsroom/services/:code', { config: { permission: 'service.manage' } }, async (request, reply) => {
    const { code } = await findService(request);
    const form = (request.body ?? {}) as FormBody;
    try {
      // Checked first: a refused zone changes nothing.
      if (form.timeZone !== undefined) parseTimeZone(form.timeZone, 'timeZone');
      await actions.updateService(authOf(request).actor, code, serviceFromForm(form));
      if (form.timeZone !== undefined) await actions.setServiceTimeZone(authOf(request).actor, code, form.timeZone);
      return reply.redirect(`/newsroom/services/${encodeURIComponent(code)}?saved=1`, 303);
    } catch (error) {
      return serviceForm(request, reply, false, serviceValues(form, code), refusalText(request, error));
    }
  });

  app.post('/newsroom/services/:code/info', { config: { permission: 'service.manage' } }, async (request, reply) => {
    const service = await findService(request);
    const form = (request.body ?? {}) as FormBody;
    try {
      await actions.updateServiceInfo(authOf(request).actor, service.code, { about: form.about, email: form.email, postal: form.postal, phone: form.phone });
      return reply.redirect(`/newsroom/services/${encodeURIComponent(service.code)}?saved=1`, 303);
    } catch (error) {
      const typed = { about: form.about ?? '', email: form.email ?? '', postal: form.postal ?? '', phone: form.phone ?? '' };
      const timeZone = (await actions.serviceTimeZones()).get(service.code) ?? DEFAULT_TIME_ZONE;
      return serviceForm(request, reply, false, { ...service, position: String(service.position), timeZone }, null, { values: typed, error: refusalText(request, error) });
    }
  });

  // Sections.

  app.get('/newsroom/sections', { config: { permission: 'service.manage' } }, async (request, reply) => {
    const actor = authOf(request).actor;
    const [services, sections] = await Promise.all([actions.listLanguageServices(actor), actions.listSections(actor)]);
    return html(reply, <SectionsPage masthead={await mastheadFor(request)} services={services} sections={sections} />);
  });

  const sectionForm = async (request: FastifyRequest, reply: FastifyReply, values: SectionFormValues, error: string | null) =>
    html(
      reply,
      <SectionFormPage
        masthead={await mastheadFor(request)}
        services={await actions.listLanguageServices(authOf(request).actor)}
        values={values}
        error={error}
        saved={saved(request)}
      />,
      error ? 400 : 200,
    );

  app.get('/newsroom/sections/new', { config: { permission: 'service.manage' } }, async (request, reply) =>
    sectionForm(request, reply, { id: null, serviceCode: '', name: '', slug: '', position: '0', podcast: false }, null),
  );

  app.post('/newsroom/sections', { config: { permission: 'service.manage' } }, async (request, reply) => {
    const form = (request.body ?? {}) as FormBody;
    try {
      const section = await actions.createSection(authOf(request).actor, { serviceCode: form.serviceCode ?? '', ...sectionFromForm(form) });
      return reply.redirect(`/newsroom/sections/${section.id}?saved=1`, 303);
    } catch (error) {
      return sectionForm(request, reply, sectionValues(form, null, form.serviceCode ?? ''), refusalText(request, error));
    }
  });

  const findSection = async (request: FastifyRequest) => {
    const id = idOf(request);
    const section = (await actions.listSections(authOf(request).actor)).find((s) => s.id === id);
    if (!section) throw notFound('SECTION_NOT_FOUND', `section ${id} does not exist`);
    return section;
  };

  app.get('/newsroom/sections/:id', { config: { permission: 'service.manage' } }, async (request, reply) => {
    const section = await findSection(request);
    return sectionForm(request, reply, { ...section, position: String(section.position) }, null);
  });

  app.post('/newsroom/sections/:id', { config: { permission: 'service.manage' } }, async (request, reply) => {
    const section = await findSection(request);
    const form = (request.body ?? {}) as FormBody;
    try {
      await actions.updateSection(authOf(request).actor, section.id, sectionFromForm(form));
      return reply.redirect(`/newsroom/sections/${section.id}?saved=1`, 303);
    } catch (error) {
      return sectionForm(request, reply, sectionValues(form, section.id, section.serviceCode), refusalText(request, error));
    }
  });
}

function serviceFromForm(form: FormBody) {
  return { name: form.name ?? '', locale: form.locale ?? '', direction: form.direction ?? '', outlet: form.outlet ?? '', position: formNumber(form.position) };
}

function serviceValues(form: FormBody, code: string): ServiceFormValues {
  return { code, name: form.name ?? '', locale: form.locale ?? '', direction: form.direction ?? 'ltr', outlet: form.outlet ?? '', position: form.position ?? '', timeZone: form.timeZone ?? 'UTC' };
}

function sectionFromForm(form: FormBody) {
  return { name: form.name ?? '', slug: form.slug ?? '', position: formNumber(form.position), podcast: form.podcast === '1' };
}

function sectionValues(form: FormBody, id: number | null, serviceCode: string): SectionFormValues {
  return { id, serviceCode, name: form.name ?? '', slug: form.slug ?? '', position: form.position ?? '', podcast: form.podcast === '1' };
}
