import { parseLanguageService, parseSectionInput, type LanguageService, type Section } from '../../domain/service/service.js';
import { invalid, notFound } from '../../domain/shared/errors.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

type ServiceChanges = Partial<Omit<Parameters<typeof parseLanguageService>[0], 'code'>>;

/** Changes a service's name, locale, direction, outlet or place in the list (admins); its code, in every address, stays. */
export async function updateService(deps: ActionDeps, actor: Actor, code: string, changes: ServiceChanges): Promise<LanguageService> {
  requirePermission(actor, 'service.manage');
  const now = deps.clock.now();
  const saved = await deps.store.transaction(async (repos) => {
    const existing = await repos.services.find(code);
    if (!existing) throw notFound('SERVICE_NOT_FOUND', `there is no service "${code}"`);
    const service = parseLanguageService({ ...existing, ...definedOnly(changes), code });
    await repos.services.update(service);
    await repos.audit.record(
      { userId: actorUserId(actor), action: 'service.update', subject: `service:${code}`, details: { fields: Object.keys(definedOnly(changes)) } },
      now,
    );
    return service;
  });
  deps.events.publish({ type: 'service.changed', serviceCode: code });
  deps.events.publish({ type: 'services.changed' });
  return saved;
}

/** Renames, re-slugs or moves a section within its service's navigation (admins). */
export async function updateSection(
  deps: ActionDeps,
  actor: Actor,
  sectionId: number,
  changes: { slug?: unknown; name?: unknown; position?: unknown; podcast?: unknown },
): Promise<Section> {
  requirePermission(actor, 'service.manage');
  const now = deps.clock.now();
  const saved = await deps.store.transaction(async (repos) => {
    const existing = await repos.services.findSectionById(sectionId);
    if (!existing) throw notFound('SECTION_NOT_FOUND', `section ${sectionId} does not exist`);
    const fields = parseSectionInput({ ...existing, ...definedOnly(changes) });
    if (fields.slug !== existing.slug && (await repos.services.findSection(existing.serviceCode, fields.slug))) {
      throw invalid('SECTION_EXISTS', `section "${fields.slug}" already exists in this service`, 'slug');
    }
    const section: Section = { ...existing, ...fields };
    await repos.services.updateSection(section);
    await repos.audit.record(
      { userId: actorUserId(actor), action: 'section.update', subject: `section:${sectionId}`, details: { fields: Object.keys(definedOnly(changes)) } },
      now,
    );
    return section;
  });
  deps.events.publish({ type: 'service.changed', serviceCode: saved.serviceCode });
  return saved;
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
