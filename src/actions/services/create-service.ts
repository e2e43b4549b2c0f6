import { invalid, notFound } from '../../domain/shared/errors.js';
import { parseLanguageService, parseSectionInput, type LanguageService, type Section } from '../../domain/service/service.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

/** A new language service (admins): its own site at /code/, with its locale and direction. */
export async function createService(deps: ActionDeps, actor: Actor, input: Parameters<typeof parseLanguageService>[0]): Promise<LanguageService> {
  requirePermission(actor, 'service.manage');
  const service = parseLanguageService(input);
  const now = deps.clock.now();
  await deps.store.transaction(async (repos, emit) => {
    if (await repos.services.find(service.code)) {
      throw invalid('SERVICE_EXISTS', `a service with code "${service.code}" already exists`, 'code');
    }
    await repos.services.insert(service);
    await repos.audit.record({ userId: actorUserId(actor), action: 'service.create', subject: `service:${service.code}` }, now);
    emit({ type: 'service.changed', serviceCode: service.code });
    emit({ type: 'services.changed' });
  });
  return service;
}

/** A new section of a service (admins), shown in the service's navigation in `position` order. */
export async function createSection(
  deps: ActionDeps,
  actor: Actor,
  input: { serviceCode: string; slug: unknown; name: unknown; position?: unknown; podcast?: unknown },
): Promise<Section> {
  requirePermission(actor, 'service.manage');
  const fields = parseSectionInput(input);
  const now = deps.clock.now();
  return deps.store.transaction(async (repos, emit) => {
    if (!(await repos.services.find(input.serviceCode))) {
      throw notFound('SERVICE_NOT_FOUND', `there is no service "${input.serviceCode}"`, 'serviceCode');
    }
    if (await repos.services.findSection(input.serviceCode, fields.slug)) {
      throw invalid('SECTION_EXISTS', `section "${fields.slug}" already exists in this service`, 'slug');
    }
    const inserted = await repos.services.insertSection({ serviceCode: input.serviceCode, ...fields });
    await repos.audit.record({ userId: actorUserId(actor), action: 'section.create', subject: `section:${inserted.id}` }, now);
    emit({ type: 'service.changed', serviceCode: input.serviceCode });
    return inserted;
  });
}
