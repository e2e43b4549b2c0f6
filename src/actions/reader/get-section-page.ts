import { notFound } from '../../domain/shared/errors.js';
import type { Section } from '../../domain/service/service.js';
import type { ActionDeps } from '../deps.js';
import { listPage, type ListPageData } from './list-page.js';
import { loadChrome } from './load-chrome.js';
import { cacheKey, type PageResult } from './page-result.js';

export async function getSectionPage(
  deps: Pick<ActionDeps, 'store' | 'clock'>,
  params: { serviceCode: string; sectionSlug: string; page: number },
): Promise<PageResult<ListPageData & { section: Section }>> {
  const now = deps.clock.now();
  const base = await loadChrome(deps, params.serviceCode, now);
  const section = base.chrome.sections.find((s) => s.slug === params.sectionSlug);
  if (!section) throw notFound('SECTION_NOT_FOUND', 'There is no section at this address', { context: params });
  const list = await listPage(deps, { serviceCode: params.serviceCode, sectionId: section.id, now }, params.page);
  return {
    chrome: base.chrome,
    model: { ...list, section },
    cacheKeys: [...base.cacheKeys, cacheKey.lists(params.serviceCode)],
    validUntil: base.validUntil,
  };
}
