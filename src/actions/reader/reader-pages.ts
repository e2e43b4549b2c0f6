import type { ActionDeps } from '../deps.js';
import { getErrorMasthead, getRememberedMasthead } from './get-error-masthead.js';
import { countRead } from './count-read.js';
import { getHomePage } from './get-home-page.js';
import { getPrivacyPage } from './get-privacy-page.js';
import { getProfilePage } from './get-profile-page.js';
import { getServiceInfoPage } from './get-service-info-page.js';
import { getSectionPage } from './get-section-page.js';
import { getStoryPage } from './get-story-page.js';
import { getTagPage } from './get-tag-page.js';
import { listServices } from './list-services.js';
import { searchStories } from './search-stories.js';

type Deps = Pick<ActionDeps, 'store' | 'clock' | 'mastheadCache'>;

/**
 * What the reader's pages read, bound to the app's dependencies: the reader surface is given
 * this and the clock, never the store.
 */
export function readerPages(deps: Deps) {
  return {
    services: () => listServices(deps),
    home: (params: Parameters<typeof getHomePage>[1]) => getHomePage(deps, params),
    section: (params: Parameters<typeof getSectionPage>[1]) => getSectionPage(deps, params),
    tag: (params: Parameters<typeof getTagPage>[1]) => getTagPage(deps, params),
    profile: (params: Parameters<typeof getProfilePage>[1]) => getProfilePage(deps, params),
    story: (params: Parameters<typeof getStoryPage>[1]) => getStoryPage(deps, params),
    privacy: (params: Parameters<typeof getPrivacyPage>[1]) => getPrivacyPage(deps, params),
    /** The About and Contact pages' text, as the service's editors wrote it. */
    serviceInfo: (params: Parameters<typeof getServiceInfoPage>[1]) => getServiceInfoPage(deps, params),
    /** One read of a story, from its page's beacon. */
    countRead: (serviceCode: string, storyId: number) => countRead(deps, serviceCode, storyId),
    search: (params: Parameters<typeof searchStories>[1]) => searchStories(deps, params),
    /** The masthead for an error page of the service the address names (else the first one). */
    errorMasthead: (serviceCodeGuess: string | undefined) => getErrorMasthead(deps, serviceCodeGuess),
    /** What this process remembers of that masthead, for the 503 page while the database is away. */
    rememberedMasthead: (serviceCodeGuess: string | undefined) => getRememberedMasthead(deps, serviceCodeGuess),
  };
}

export type ReaderPages = ReturnType<typeof readerPages>;
