import { invalid } from '../../domain/shared/errors.js';
import { parseLanguageService, type LanguageService, type Section, type Tag } from '../../domain/service/service.js';
import { requireSlug, requireText } from '../../domain/shared/text.js';
import type { ActionDeps } from '../deps.js';

export async function createService(deps: ActionDeps, input: Parameters<typeof parseLanguageService>[0]): Promise<LanguageService> {
  const service = parseLanguageService(input);
  await deps.store.transaction(async (repos) => {
    if (await repos.services.find(service.code)) {
      throw invalid('SERVICE_EXISTS', `a service with code "${service.code}" already exists`, 'code');
    }
    await repos.services.insert(service);
  });
  deps.events.publish({ type: 'service.changed', serviceCode: service.code });
  return service;
}

export async function createSection(
  deps: ActionDeps,
  input: { serviceCode: string; slug: unknown; name: unknown; position?: number },
): Promise<Section> {
  const slug = requireSlug(input.slug, 'slug');
  const name = requireText(input.name, 'name', 80);
  const section = await deps.store.transaction(async (repos) => {
    if (!(await repos.services.find(input.serviceCode))) {
      throw invalid('SERVICE_NOT_FOUND', `there is no service "${input.serviceCode}"`, 'serviceCode');
    }
    if (await repos.services.findSection(input.serviceCode, slug)) {
      throw invalid('SECTION_EXISTS', `section "${slug}" already exists in this service`, 'slug');
    }
    return repos.services.insertSection({ serviceCode: input.serviceCode, slug, name, position: input.position ?? 0 });
  });
  deps.events.publish({ type: 'service.changed', serviceCode: input.serviceCode });
  return section;
}

export async function createTag(deps: ActionDeps, input: { serviceCode: string; slug: unknown; name: unknown }): Promise<Tag> {
  const slug = requireSlug(input.slug, 'slug');
  const name = requireText(input.name, 'name', 80);
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
