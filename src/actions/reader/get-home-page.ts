import type { MediaItem } from '../../domain/media/media.js';
import type { ActionDeps } from '../deps.js';
import { listPage, type ListPageData } from './list-page.js';
import { loadChrome } from './load-chrome.js';
import { cacheKey, type PageResult } from './page-result.js';

export interface HomePageData extends ListPageData {
  /** The lead media of the stories on the page (first page only), for their pictures. */
  readonly media: ReadonlyMap<number, MediaItem>;
}

/** A service's home page: its latest stories, the first page with their pictures. */
export async function getHomePage(
  deps: Pick<ActionDeps, 'store' | 'clock'>,
  params: { serviceCode: string; page: number },
): Promise<PageResult<HomePageData>> {
  const now = deps.clock.now();
  const base = await loadChrome(deps, params.serviceCode, now);
  const list = await listPage(deps, { serviceCode: params.serviceCode, now }, params.page);
  const mediaIds = params.page === 1 ? [...new Set(list.stories.flatMap((s) => (s.leadMediaId === null ? [] : [s.leadMediaId])))] : [];
  const media = await deps.store.read.media.findByIds(mediaIds);
  return {
    chrome: base.chrome,
    model: { ...list, media: new Map(media.map((item) => [item.id, item])) },
    cacheKeys: [...base.cacheKeys, cacheKey.lists(params.serviceCode), ...mediaIds.map(cacheKey.media)],
    validUntil: base.validUntil,
  };
}
