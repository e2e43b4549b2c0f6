import { notFound } from '../../domain/shared/errors.js';
import type { FeedScope } from '../../domain/distribution/feed-paths.js';
import type { FeedData } from '../../domain/distribution/distributed-story.js';
import type { Profile } from '../../domain/profile/profile.js';
import type { Section, Tag } from '../../domain/service/service.js';
import type { ListFilter } from '../../store/repositories/stories.repository.js';
import type { ActionDeps } from '../deps.js';
import { cacheKey } from '../reader/page-result.js';
import { loadDistributedStories } from './feed-stories.js';

/** How many of the latest stories a feed carries. */
export const FEED_SIZE = 50;


/**
 * The latest published stories of a service, section, topic or profile, in full, for its
 * feeds. Drafts, scheduled (embargoed) and withdrawn stories never appear. The feed is
 * purged like the list pages: by its service's list key and each story's key.
 */
export async function getFeed(deps: Pick<ActionDeps, 'store' | 'clock'>, scope: FeedScope): Promise<FeedData & { cacheKeys: readonly string[] }> {
  const now = deps.clock.now();
  const repos = deps.store.read;
  const service = await repos.services.find(scope.serviceCode);
  if (!service) throw notFound('SERVICE_NOT_FOUND', 'There is no language service at this address', { scope });
  let section: Section | null = null;
  let tag: Tag | null = null;
  let profile: Profile | null = null;
  const filter: Omit<ListFilter, 'limit' | 'offset'> & { -readonly [K in 'sectionId' | 'tagId' | 'profileId']?: number } = { serviceCode: service.code, now };
  if (scope.kind === 'section') {
    section = (await repos.services.findSection(service.code, scope.sectionSlug)) ?? null;
    if (!section) throw notFound('SECTION_NOT_FOUND', 'There is no section at this address', { scope });
    filter.sectionId = section.id;
  } else if (scope.kind === 'tag') {
    tag = (await repos.services.findTag(service.code, scope.tagSlug)) ?? null;
    if (!tag) throw notFound('TAG_NOT_FOUND', 'There is no topic at this address', { scope });
    filter.tagId = tag.id;
  } else if (scope.kind === 'profile') {
    profile = (await repos.profiles.findById(scope.profileId)) ?? null;
    if (!profile || profile.slug !== scope.profileSlug) throw notFound('PROFILE_NOT_FOUND', 'There is no profile at this address', { scope });
    filter.profileId = profile.id;
  }
  const summaries = await repos.stories.listPublished({ ...filter, limit: FEED_SIZE, offset: 0 });
  const loaded = await loadDistributedStories(
    repos,
    summaries.map((s) => s.id),
    now,
  );
  const times = loaded.stories.map(({ story }) => (story.updatedAt ?? story.publishedAt ?? story.modifiedAt).getTime());
  return {
    scope,
    service,
    section,
    tag,
    profile,
    stories: loaded.stories,
    updated: times.length ? new Date(Math.max(...times)) : null,
    cacheKeys: [
      cacheKey.lists(service.code),
      cacheKey.service(service.code),
      ...(profile ? [cacheKey.profile(profile.id)] : []),
      ...loaded.cacheKeys,
    ],
  };
}
