import { notFound } from '../../domain/shared/errors.js';
import type { Section } from '../../domain/service/service.js';
import type { ActionDeps } from '../deps.js';
import { listPage, type ListPageData } from './list-page.js';
import { loadMasthead } from './load-masthead.js';
import { cacheKey, type PageResult } from './page-result.js';

export async function getSectionPage(
  deps: Pick<ActionDeps, 'store' | 'clock'>,
  params: { serviceCode: string; sectionSlug: string; page: number },
): Promise<PageResult<ListPageData & { section: Section }>> {
  const now = deps.clock.now();
  const base = await loadMasthead(deps, params.serviceCode, now);
  const section = base.masthead.sections.find((s) => s.slug === params.sectionSlug);
  if (!section) throw notFound('SECTION_NOT_FOUND', 'There is no section at this address', { context: params });
  const list = await listPage(deps, { serviceCode: params.serviceCode, sectionId: section.id, now }, params.page);
  return {
    masthead: base.masthead,
    model: { ...list, section },
    cacheKeys: [...base.cacheKeys, cacheKey.lists(params.serviceCode), ...[...list.media.keys()].map(cacheKey.media)],
    validUntil: base.validUntil,
  };
}
