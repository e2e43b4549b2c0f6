import { notFound } from '../../domain/shared/errors.js';
import type { Profile } from '../../domain/profile/profile.js';
import type { ActionDeps } from '../deps.js';
import { listPage, type ListPageData } from './list-page.js';
import { loadMasthead } from './load-masthead.js';
import { cacheKey, type PageResult } from './page-result.js';

export type ProfilePageOutcome =
  | { readonly kind: 'page'; readonly page: PageResult<ListPageData & { profile: Profile }> }
  | { readonly kind: 'redirect'; readonly slug: string; readonly id: number };

/** A profile's page in one service: who they are, and that service's stories that mention them. */
export async function getProfilePage(
  deps: Pick<ActionDeps, 'store' | 'clock'>,
  params: { serviceCode: string; slug: string; profileId: number; page: number },
): Promise<ProfilePageOutcome> {
  const now = deps.clock.now();
  const profile = await deps.store.read.profiles.findById(params.profileId);
  if (!profile) throw notFound('PROFILE_NOT_FOUND', 'There is no profile at this address', { context: params });
  const base = await loadMasthead(deps, params.serviceCode, now);
  if (profile.slug !== params.slug) return { kind: 'redirect', slug: profile.slug, id: profile.id };
  const list = await listPage(deps, { serviceCode: params.serviceCode, profileId: profile.id, now }, params.page);
  return {
    kind: 'page',
    page: {
      masthead: base.masthead,
      model: { ...list, profile },
      cacheKeys: [...base.cacheKeys, cacheKey.lists(params.serviceCode), cacheKey.profile(profile.id), ...[...list.media.keys()].map(cacheKey.media)],
      validUntil: base.validUntil,
    },
  };
}
