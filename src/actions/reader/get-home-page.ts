import type { MediaItem } from '../../domain/media/media.js';
import type { StorySummary } from '../../domain/story/story.js';
import type { ActionDeps } from '../deps.js';
import { dayOf } from './count-read.js';
import { listPage, type ListPageData } from './list-page.js';
import { loadChrome } from './load-chrome.js';
import { cacheKey, type PageResult } from './page-result.js';

/** "Most read" counts today and yesterday (UTC), and is refreshed at least this often. */
const MOST_READ_DAYS = 2;
const MOST_READ_COUNT = 5;
const MOST_READ_REFRESH_MS = 5 * 60_000;

export interface HomePageData extends ListPageData {
  /** First page: the editor's chosen stories (lead first), then the latest, each once. */
  readonly front: readonly StorySummary[];
  /** First page: the most read stories of the last two days. */
  readonly mostRead: readonly StorySummary[];
  /** The lead media of the stories on the page (first page only), for their pictures. */
  readonly media: ReadonlyMap<number, MediaItem>;
}

/** A service's home page: the editor's choice and the latest stories, the first page with pictures and "most read". */
export async function getHomePage(
  deps: Pick<ActionDeps, 'store' | 'clock'>,
  params: { serviceCode: string; page: number },
): Promise<PageResult<HomePageData>> {
  const now = deps.clock.now();
  const base = await loadChrome(deps, params.serviceCode, now);
  const list = await listPage(deps, { serviceCode: params.serviceCode, now }, params.page);
  if (params.page !== 1) {
    return {
      chrome: base.chrome,
      model: { ...list, front: list.stories, mostRead: [], media: new Map() },
      cacheKeys: [...base.cacheKeys, cacheKey.lists(params.serviceCode)],
      validUntil: base.validUntil,
    };
  }
  const repos = deps.store.read;
  const fromDay = dayOf(new Date(now.getTime() - (MOST_READ_DAYS - 1) * 86_400_000));
  const [chosenIds, reads] = await Promise.all([repos.frontPage.storyIds(params.serviceCode), repos.frontPage.mostRead(params.serviceCode, fromDay, MOST_READ_COUNT)]);
  const [chosen, mostReadSummaries] = await Promise.all([
    repos.stories.findVisibleSummaries(chosenIds, now),
    repos.stories.findVisibleSummaries(reads.map((r) => r.storyId), now),
  ]);
  const byId = (summaries: readonly StorySummary[], ids: readonly number[]) =>
    ids.flatMap((id) => summaries.filter((s) => s.id === id && s.serviceCode === params.serviceCode));
  const picked = byId(chosen, chosenIds);
  const front = [...picked, ...list.stories.filter((s) => !picked.some((p) => p.id === s.id))];
  const mostRead = byId(mostReadSummaries, reads.map((r) => r.storyId));
  const mediaIds = [...new Set(front.flatMap((s) => (s.leadMediaId === null ? [] : [s.leadMediaId])))];
  const media = await repos.media.findByIds(mediaIds);
  const refresh = new Date(now.getTime() + MOST_READ_REFRESH_MS);
  return {
    chrome: base.chrome,
    model: { ...list, front, mostRead, media: new Map(media.map((item) => [item.id, item])) },
    cacheKeys: [...base.cacheKeys, cacheKey.lists(params.serviceCode), ...mediaIds.map(cacheKey.media), ...front.map((s) => cacheKey.story(s.id))],
    validUntil: base.validUntil && base.validUntil < refresh ? base.validUntil : refresh,
  };
}
