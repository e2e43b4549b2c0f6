import type { Alert } from '../../domain/alert/alert.js';
import type { LanguageService, Section } from '../../domain/service/service.js';

/** What every reader page shows around its content, as data. */
export interface MastheadData {
  readonly service: LanguageService;
  readonly services: readonly LanguageService[];
  readonly sections: readonly Section[];
  readonly alert: Alert | null;
}

/**
 * A reader page's data plus what the page cache needs: the surrogate keys of everything the
 * page shows (so a change purges exactly the pages that show it) and when it turns stale by
 * itself (an alert starting or expiring).
 */
export interface PageResult<M> {
  readonly masthead: MastheadData;
  readonly model: M;
  readonly cacheKeys: readonly string[];
  readonly validUntil: Date | null;
}

export const cacheKey = {
  story: (id: number) => `story-${id}`,
  comments: (storyId: number) => `comments-${storyId}`,
  lists: (serviceCode: string) => `lists-${serviceCode}`,
  alerts: (serviceCode: string) => `alerts-${serviceCode}`,
  service: (serviceCode: string) => `service-${serviceCode}`,
  services: () => 'services',
  profile: (id: number) => `profile-${id}`,
  media: (id: number) => `media-${id}`,
} as const;
