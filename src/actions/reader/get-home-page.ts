import type { StorySummary } from '../../domain/story/story.js';
import type { ActionDeps } from '../deps.js';
import { dayOf } from './count-read.js';
import { leadMediaIds, listPage, type ListPageData } from './list-page.js';
import { earliest, loadMasthead } from './load-masthead.js';
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
}

/** A service's home page: the editor's choice and the latest stories, the first page with pictures and "most read". */
export async function getHomePage(
  deps: Pick<ActionDeps, 'store' | 'clock'>,
  params: { serviceCode: string; page: number },
): Promise<PageResult<HomePageData>> {
  const now = deps.clock.now();
  const repos = deps.store.read;
  const fromDay = dayOf(new Date(now.getTime() - (MOST_READ_DAYS - 1) * 86_400_000));
  // The first page's choice and "most read" are read alongside the list, not after it.
  const [base, list, picks] = await Promise.all([
    loadMasthead(deps, params.serviceCode, now),
    listPage(deps, { serviceCode: params.serviceCode, now }, params.page),
    params.page === 1
      ? Promise.all([repos.frontPage.storyIds(params.serviceCode), repos.frontPage.mostRead(params.serviceCode, fromDay, MOST_READ_COUNT)])
      : null,
  ]);
  if (!picks) {
    return {
      masthead: base.masthead,
      model: { ...list, front: list.stories, mostRead: [] },
      cacheKeys: [...base.cacheKeys, cacheKey.lists(params.serviceCode), ...[...list.media.keys()].map(cacheKey.media)],
      validUntil: base.validUntil,
    };
  }
  const [chosenIds, reads] = picks;
  const readIds = reads.map((r) => r.storyId);
  // One read of the summaries for both: a chosen story is often among the most read.
  const summaries = await repos.stories.findVisibleSummaries([...new Set([...chosenIds, ...readIds])], now);
  const byId = (ids: readonly number[]) => ids.flatMap((id) => summaries.filter((s) => s.id === id && s.serviceCode === params.serviceCode));
  const picked = byId(chosenIds);
  const front = [...picked, ...list.stories.filter((s) => !picked.some((p) => p.id === s.id))];
  const mostRead = byId(readIds);
  const mediaIds = leadMediaIds(front);
  const media = [...list.media.values(), ...(await repos.media.findByIds(mediaIds.filter((id) => !list.media.has(id))))];
  const refresh = new Date(now.getTime() + MOST_READ_REFRESH_MS);
  return {
    masthead: base.masthead,
    model: { ...list, front, mostRead, media: new Map(media.map((item) => [item.id, item])) },
    cacheKeys: [...base.cacheKeys, cacheKey.lists(params.serviceCode), ...mediaIds.map(cacheKey.media), ...front.map((s) => cacheKey.story(s.id))],
    validUntil: earliest(base.validUntil, refresh),
  };
}
