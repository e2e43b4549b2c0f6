import { profilePath, type Profile } from '../../domain/profile/profile.js';
import { profileSearchTerms } from '../../domain/profile/profile-search.js';
import { notFound } from '../../domain/shared/errors.js';
import { requirePermission } from '../../domain/user/permissions.js';
import type { Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

export type FoundProfile = Profile & { readonly url: string };

export const PROFILE_SEARCH_LIMIT = { default: 10, max: 50 } as const;

/**
 * Profiles whose name has words starting with each word of `q` (search as you type), in name
 * order. Everyone who reads stories may search: reporters link profiles in what they write.
 */
export async function searchProfiles(
  deps: ActionDeps,
  actor: Actor,
  query: { q?: string; serviceCode?: string; limit?: number; offset?: number },
): Promise<{ items: FoundProfile[]; total: number }> {
  requirePermission(actor, 'story.read');
  const limit = Math.min(Math.max(query.limit ?? PROFILE_SEARCH_LIMIT.default, 1), PROFILE_SEARCH_LIMIT.max);
  const [found, services] = await Promise.all([
    deps.store.read.profiles.search({
      terms: profileSearchTerms(query.q ?? ''),
      ...(query.serviceCode ? { serviceCode: query.serviceCode } : {}),
      limit,
      offset: Math.max(query.offset ?? 0, 0),
    }),
    deps.store.read.services.list(),
  ]);
  const fallback = query.serviceCode ?? services[0]?.code ?? 'en';
  return { items: found.items.map((profile) => withUrl(profile, fallback)), total: found.total };
}

export async function getProfile(deps: ActionDeps, actor: Actor, profileId: number): Promise<FoundProfile> {
  requirePermission(actor, 'story.read');
  const profile = await deps.store.read.profiles.findById(profileId);
  if (!profile) throw notFound('PROFILE_NOT_FOUND', `profile ${profileId} does not exist`);
  const [first] = await deps.store.read.services.list();
  return withUrl(profile, first?.code ?? 'en');
}

/** The reader address: on the profile's own service, or else on the one asked about (the first service if none). */
export function withUrl(profile: Profile, fallbackService: string): FoundProfile {
  return { ...profile, url: profilePath(profile.serviceCode ?? fallbackService, profile) };
}
