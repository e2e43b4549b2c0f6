import type { MediaItem } from '../../domain/media/media.js';
import { notFound } from '../../domain/shared/errors.js';
import {
  NEWS_MAX_URLS,
  NEWS_WINDOW_MS,
  newsSitemapPath,
  serviceSitemapPath,
  SITEMAP_MAX_URLS,
  type ServiceSitemap,
  type SitemapEntry,
  type SitemapIndexEntry,
  type SitemapStory,
} from '../../domain/distribution/sitemap.js';
import { storyPath } from '../../domain/story/story-path.js';
import type { Repositories } from '../../store/store.js';
import type { ActionDeps } from '../deps.js';
import { cacheKey } from '../reader/page-result.js';

type Deps = Pick<ActionDeps, 'store' | 'clock'>;

/** The sitemap index: each service's sitemaps (one per 50,000 stories) and its news sitemap. */
export async function getSitemapIndex(deps: Deps): Promise<{ entries: SitemapIndexEntry[]; cacheKeys: string[] }> {
  const now = deps.clock.now();
  const repos = deps.store.read;
  const services = await repos.services.list();
  const entries: SitemapIndexEntry[] = [];
  for (const service of services) {
    const [count, lastModified] = await Promise.all([
      repos.stories.countPublished({ serviceCode: service.code, now }),
      repos.stories.lastModified(service.code, now),
    ]);
    const files = Math.max(1, Math.ceil(count / SITEMAP_MAX_URLS));
    for (let page = 1; page <= files; page++) entries.push({ path: serviceSitemapPath(service.code, page), lastModified });
    entries.push({ path: newsSitemapPath(service.code), lastModified });
  }
  return { entries, cacheKeys: [cacheKey.services(), ...services.map((s) => cacheKey.lists(s.code))] };
}

/** One file of a service's sitemap: its home and sections (first file), then its stories by id. */
export async function getServiceSitemap(deps: Deps, serviceCode: string, page: number): Promise<ServiceSitemap & { cacheKeys: string[] }> {
  const now = deps.clock.now();
  const repos = deps.store.read;
  const service = await repos.services.find(serviceCode);
  if (!service) throw notFound('SERVICE_NOT_FOUND', 'There is no language service at this address', { context: { serviceCode } });
  const count = await repos.stories.countPublished({ serviceCode, now });
  if (page > Math.max(1, Math.ceil(count / SITEMAP_MAX_URLS))) throw notFound('SITEMAP_NOT_FOUND', 'There is no sitemap at this address', { context: { page } });
  const stories = await repos.stories.listForSitemap({ serviceCode, now, limit: SITEMAP_MAX_URLS, offset: (page - 1) * SITEMAP_MAX_URLS });
  return {
    service,
    sections: page === 1 ? await repos.services.listSections(serviceCode) : null,
    lastModified: await repos.stories.lastModified(serviceCode, now),
    entries: await withVideos(repos, stories, now),
    cacheKeys: [cacheKey.lists(serviceCode), cacheKey.service(serviceCode)],
  };
}

/** A service's news sitemap: what it published in the last 48 hours; stale when the oldest leaves the window. */
export async function getNewsSitemap(deps: Deps, serviceCode: string): Promise<ServiceSitemap & { cacheKeys: string[]; validUntil: Date | null }> {
  const now = deps.clock.now();
  const repos = deps.store.read;
  const service = await repos.services.find(serviceCode);
  if (!service) throw notFound('SERVICE_NOT_FOUND', 'There is no language service at this address', { context: { serviceCode } });
  const since = new Date(now.getTime() - NEWS_WINDOW_MS);
  const stories = (await repos.stories.listForSitemap({ serviceCode, now, since, limit: NEWS_MAX_URLS, offset: 0 })).sort(
    (a, b) => b.publishedAt.getTime() - a.publishedAt.getTime(),
  );
  const oldest = stories.at(-1);
  return {
    service,
    sections: null,
    lastModified: null,
    entries: await withTranslations(repos, stories, now, () => null),
    cacheKeys: [cacheKey.lists(serviceCode), cacheKey.service(serviceCode)],
    validUntil: oldest ? new Date(oldest.publishedAt.getTime() + NEWS_WINDOW_MS) : null,
  };
}

async function withVideos(repos: Repositories, stories: readonly SitemapStory[], now: Date): Promise<SitemapEntry[]> {
  const ids = [...new Set(stories.map((s) => s.leadMediaId).filter((id): id is number => id !== null))];
  const media = new Map<number, MediaItem>();
  for (let i = 0; i < ids.length; i += 1_000) {
    for (const item of await repos.media.findByIds(ids.slice(i, i + 1_000))) media.set(item.id, item);
  }
  return withTranslations(repos, stories, now, (story) => {
    const lead = story.leadMediaId !== null ? media.get(story.leadMediaId) : undefined;
    return lead && lead.kind === 'video' && lead.state === 'ready' ? lead : null;
  });
}

/**
 * Each story with its published versions in other services as hreflang alternates, and
 * `x-default` naming the group's first story (the original); none for a story without a
 * live version elsewhere.
 */
async function withTranslations(
  repos: Repositories,
  stories: readonly SitemapStory[],
  now: Date,
  videoOf: (story: SitemapStory) => MediaItem | null,
): Promise<SitemapEntry[]> {
  const groups = await repos.translations.groupsOf(stories.map((s) => s.id));
  const otherIds = [...new Set([...groups.values()].flat().map((m) => m.storyId))];
  const visible = new Map<number, { serviceCode: string; slug: string; id: number }>();
  for (let i = 0; i < otherIds.length; i += 1_000) {
    for (const summary of await repos.stories.findVisibleSummaries(otherIds.slice(i, i + 1_000), now)) visible.set(summary.id, summary);
  }
  const locales = new Map((otherIds.length ? await repos.services.list() : []).map((service) => [service.code, service.locale]));
  return stories.map((story) => {
    const versions = (groups.get(story.id) ?? []).map((m) => (m.storyId === story.id ? story : visible.get(m.storyId))).filter((v) => v !== undefined);
    const others = versions.filter((v) => v.id !== story.id);
    const first = versions[0];
    const translations =
      others.length && first
        ? [
            ...others.map((v) => ({ locale: locales.get(v.serviceCode) ?? v.serviceCode, path: storyPath(v) })),
            { locale: 'x-default', path: storyPath(first) },
          ]
        : [];
    return { story, video: videoOf(story), translations };
  });
}
