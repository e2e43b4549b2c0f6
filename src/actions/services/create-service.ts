import { invalid } from '../../domain/shared/errors.js';
import { parseLanguageService, parseSectionInput, type LanguageService, type Section, type Tag } from '../../domain/service/service.js';
import { requireName, requireSlug } from '../../domain/shared/text.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

/** A new language service (admins): its own site at /code/, with its locale and direction. */
export async function createService(deps: ActionDeps, actor: Actor, input: Parameters<typeof parseLanguageService>[0]): Promise<LanguageService> {
  requirePermission(actor, 'service.manage');
  const service = parseLanguageService(input);
  const now = deps.clock.now();
  await deps.store.transaction(async (repos) => {
    if (await repos.services.find(service.code)) {
      throw invalid('SERVICE_EXISTS', `a service with code "${service.code}" already exists`, 'code');
    }
    await repos.services.insert(service);
    await repos.audit.record({ userId: actorUserId(actor), action: 'service.create', subject: `service:${service.code}` }, now);
  });
  deps.events.publish({ type: 'service.changed', serviceCode: service.code });
  deps.events.publish({ type: 'services.changed' });
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
  const section = await deps.store.transaction(async (repos) => {
    if (!(await repos.services.find(input.serviceCode))) {
      throw invalid('SERVICE_NOT_FOUND', `there is no service "${input.serviceCode}"`, 'serviceCode');
    }
    if (await repos.services.findSection(input.serviceCode, fields.slug)) {
      throw invalid('SECTION_EXISTS', `section "${fields.slug}" already exists in this service`, 'slug');
    }
    const inserted = await repos.services.insertSection({ serviceCode: input.serviceCode, ...fields });
    await repos.audit.record({ userId: actorUserId(actor), action: 'section.create', subject: `section:${inserted.id}` }, now);
    return inserted;
  });
  deps.events.publish({ type: 'service.changed', serviceCode: input.serviceCode });
  return section;
}

export async function createTag(deps: ActionDeps, input: { serviceCode: string; slug: unknown; name: unknown }): Promise<Tag> {
  const slug = requireSlug(input.slug, 'slug');
  const name = requireName(input.name, 'name', 80);
  return deps.store.transaction(async (repos) => {
    if (!(await repos.services.find(input.serviceCode))) {
      throw invalid('SERVICE_NOT_FOUND', `there is no service "${input.serviceCode}"`, 'serviceCode');
    }
    if (await repos.services.findTag(input.serviceCode, slug)) {
      throw invalid('TAG_EXISTS', `topic "${slug}" already exists in this service`, 'slug');
    }
    return repos.services.insertTag({ serviceCode: input.serviceCode, slug, name });
  });
}
