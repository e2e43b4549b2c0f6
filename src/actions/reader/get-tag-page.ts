import { notFound } from '../../domain/shared/errors.js';
import type { Tag } from '../../domain/service/service.js';
import type { ActionDeps } from '../deps.js';
import { listPage, type ListPageData } from './list-page.js';
import { loadMasthead } from './load-masthead.js';
import { cacheKey, type PageResult } from './page-result.js';

export async function getTagPage(
  deps: Pick<ActionDeps, 'store' | 'clock'>,
  params: { serviceCode: string; tagSlug: string; page: number },
): Promise<PageResult<ListPageData & { tag: Tag }>> {
  const now = deps.clock.now();
  const base = await loadMasthead(deps, params.serviceCode, now);
  const tag = await deps.store.read.services.findTag(params.serviceCode, params.tagSlug);
  if (!tag) throw notFound('TAG_NOT_FOUND', 'There is no topic at this address', { context: params });
  const list = await listPage(deps, { serviceCode: params.serviceCode, tagId: tag.id, now }, params.page);
  return {
    masthead: base.masthead,
    model: { ...list, tag },
    cacheKeys: [...base.cacheKeys, cacheKey.lists(params.serviceCode), ...[...list.media.keys()].map(cacheKey.media)],
    validUntil: base.validUntil,
  };
}
