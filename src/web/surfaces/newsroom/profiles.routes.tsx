import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, requirePermission } from '../../../domain/user/permissions.js';
import type { Actor } from '../../../domain/user/user.js';
import { ProfileFormPage, ProfilesPage, type ProfileFormValues } from '../../../views/pages/newsroom/profiles.page.js';
import { authOf } from '../../shared/route-permission.js';
import type { FormBody } from './form-body.js';
import { idOf, pageOf, type PageHelpers } from './page-helpers.js';
import { refusalText } from './error-text.js';
import { ProfileListQuery } from './schemas.js';

const PER_PAGE = 20;

/** /newsroom/profiles: find profiles (everyone who writes), create and edit them (editors of their service, admins). */
export function profilePages(app: FastifyInstance, { actions, mastheadFor, html }: PageHelpers): void {
  app.get('/newsroom/profiles', { config: { permission: 'story.read' }, schema: { querystring: ProfileListQuery } }, async (request, reply) => {
    const actor = authOf(request).actor;
    const query = request.query as Record<string, string | undefined>;
    const filter = { q: query.q ?? '', service: query.service ?? '' };
    const page = pageOf(query.page);
    const [found, services] = await Promise.all([
      actions.searchProfiles(actor, { q: filter.q, ...(filter.service ? { serviceCode: filter.service } : {}), limit: PER_PAGE, offset: (page - 1) * PER_PAGE }),
      actions.listLanguageServices(actor),
    ]);
    return html(
      reply,
      <ProfilesPage
        masthead={await mastheadFor(request)}
        services={services}
        filter={filter}
        profiles={found.items.map((profile) => ({ ...profile, editable: can(actor, 'profile.edit', { serviceCode: profile.serviceCode }) }))}
        total={found.total}
        page={page}
        hasNext={page * PER_PAGE < found.total}
        mayCreate={can(actor, 'profile.edit')}
      />,
    );
  });

  const formPage = async (request: FastifyRequest, reply: FastifyReply, values: ProfileFormValues, error: string | null, status = 200) => {
    const actor = authOf(request).actor;
    const services = await editableServices(actor);
    const saved = (request.query as { saved?: string }).saved === '1';
    const mayShare = can(actor, 'profile.edit', { serviceCode: null });
    return html(reply, <ProfileFormPage masthead={await mastheadFor(request)} services={services} mayShare={mayShare} values={values} error={error} saved={saved} />, status);
  };
  const editableServices = async (actor: Actor) =>
    (await actions.listLanguageServices(actor)).filter((s) => can(actor, 'profile.edit', { serviceCode: s.code }));

  app.get('/newsroom/profiles/new', { config: { permission: 'profile.edit' } }, async (request, reply) => {
    const actor = authOf(request).actor;
    const first = can(actor, 'profile.edit', { serviceCode: null }) ? '' : ((await editableServices(actor))[0]?.code ?? '');
    return formPage(request, reply, { id: null, kind: 'person', name: '', summary: '', serviceCode: first, url: null }, null);
  });

  app.post('/newsroom/profiles', { config: { permission: 'profile.edit' } }, async (request, reply) => {
    const form = (request.body ?? {}) as FormBody;
    try {
      const saved = await actions.createProfile(authOf(request).actor, profileFromForm(form));
      return reply.redirect(`/newsroom/profiles/${saved.id}?saved=1`, 303);
    } catch (error) {
      return formPage(request, reply, valuesFromForm(form, null, null), refusalText(request, error), 400);
    }
  });

  app.get('/newsroom/profiles/:id', { config: { permission: 'profile.edit' } }, async (request, reply) => {
    const actor = authOf(request).actor;
    const profile = await actions.getProfile(actor, idOf(request));
    requirePermission(actor, 'profile.edit', { serviceCode: profile.serviceCode });
    return formPage(request, reply, {
      id: profile.id,
      kind: profile.kind,
      name: profile.name,
      summary: profile.summary ?? '',
      serviceCode: profile.serviceCode ?? '',
      url: profile.url,
    }, null);
  });

  app.post('/newsroom/profiles/:id', { config: { permission: 'profile.edit' } }, async (request, reply) => {
    const id = idOf(request);
    const actor = authOf(request).actor;
    const form = (request.body ?? {}) as FormBody;
    const existing = await actions.getProfile(actor, id);
    try {
      await actions.updateProfile(actor, id, profileFromForm(form));
      return reply.redirect(`/newsroom/profiles/${id}?saved=1`, 303);
    } catch (error) {
      return formPage(request, reply, valuesFromForm(form, id, existing.url), refusalText(request, error), 400);
    }
  });
}

function profileFromForm(form: FormBody) {
  return { kind: form.kind, name: form.name ?? '', summary: form.summary ?? null, serviceCode: form.serviceCode || null };
}

function valuesFromForm(form: FormBody, id: number | null, url: string | null): ProfileFormValues {
  return { id, kind: form.kind ?? 'person', name: form.name ?? '', summary: form.summary ?? '', serviceCode: form.serviceCode ?? '', url };
}
