import { bodyReferences } from '../../domain/body/body.js';
import type { MediaItem } from '../../domain/media/media.js';
import type { Profile } from '../../domain/profile/profile.js';
import type { Section, Tag } from '../../domain/service/service.js';
import type { Story, StorySummary } from '../../domain/story/story.js';
import { KEY_EVENTS_LISTED, LIVE_ENTRIES_PER_PAGE, type LiveEntry } from '../../domain/story/live-entry.js';
import type { StoryTranslation } from '../../domain/story/translation.js';
import { readableTranslations } from '../stories/translations.js';
import { autoClosesAt, isForumClosed } from '../../domain/comment/comment-settings.js';
import type { ActionDeps } from '../deps.js';
import { earliest, loadMasthead } from './load-masthead.js';
import { findReadableStory } from './readable-story.js';
import { cacheKey, type PageResult } from './page-result.js';
import { leadMediaIds } from './list-page.js';

const MORE_FROM_SECTION = 4;
const RELATED = 4;

export interface StoryPageData {
  readonly story: Story;
  readonly section: Section | null;
  readonly tags: readonly Tag[];
  readonly media: ReadonlyMap<number, MediaItem>;
  readonly profiles: ReadonlyMap<number, Profile>;
  readonly related: ReadonlyMap<number, StorySummary>;
  /** The latest other stories of the story's section, so the page ends with somewhere to go. */
  readonly moreFromSection: readonly StorySummary[];
  /** The latest other stories sharing a topic or a person with it, those in "more from this section" left out. */
  readonly relatedStories: readonly StorySummary[];
  /** The pictures of the related and "more from" stories, read in one query for the set. */
  readonly linkMedia: ReadonlyMap<number, MediaItem>;
  readonly commentCount: number;
  /** Profiles of people named in the bylines, by byline (structured data links them). */
  readonly authors: ReadonlyMap<string, Profile>;
  /** Closed by an editor or by the service's age limit. */
  readonly forumClosed: boolean;
  /** Its published versions in other services, itself included (the language switcher, hreflang); [] when none. */
  readonly translations: readonly StoryTranslation[];
  /** A live story's entries (one page of them) and key events; null for an ordinary story. */
  readonly live: LiveCoverage | null;
}

export interface LiveCoverage {
  /** When the coverage began; null once it ended (the entries stay on the page). */
  readonly since: Date | null;
  readonly entries: readonly LiveEntry[];
  readonly keyEvents: readonly LiveEntry[];
  readonly page: number;
  readonly hasNext: boolean;
}

export type StoryPageOutcome =
  | { readonly kind: 'page'; readonly page: PageResult<StoryPageData> }
  | { readonly kind: 'redirect'; readonly serviceCode: string; readonly slug: string; readonly id: number };

/**
 * The story page's data. A wrong slug or service redirects to the story's stable address;
 * a draft or a story not yet published is not found; an unpublished one is gone (410).
 */
export async function getStoryPage(
  deps: Pick<ActionDeps, 'store' | 'clock'>,
  params: { serviceCode: string; slug: string; storyId: number; page?: number },
): Promise<StoryPageOutcome> {
  const now = deps.clock.now();
  const story = await findReadableStory(deps.store.read, params.storyId, now);
  if (story.slug !== params.slug || story.serviceCode !== params.serviceCode) {
    return { kind: 'redirect', serviceCode: story.serviceCode, slug: story.slug, id: story.id };
  }

  return { kind: 'page', page: await shapeStoryPage(deps, story, now, params.page ?? 1) };
}

/** One page of a live story's entries (pinned first, then newest first) and its key events; null for a story never covered live. */
async function loadLiveCoverage(deps: Pick<ActionDeps, 'store'>, storyId: number, page: number): Promise<LiveCoverage | null> {
  const repos = deps.store.read;
  // One query tells an ordinary story (no state) from a live one or one whose coverage ended (it keeps showing its entries).
  const state = (await repos.liveEntries.states([storyId])).get(storyId);
  if (!state) return null;
  const [rows, keyEvents] = await Promise.all([
    repos.liveEntries.page(storyId, LIVE_ENTRIES_PER_PAGE + 1, (page - 1) * LIVE_ENTRIES_PER_PAGE),
    repos.liveEntries.keyEvents(storyId, KEY_EVENTS_LISTED),
  ]);
  return { since: state.since, entries: rows.slice(0, LIVE_ENTRIES_PER_PAGE), keyEvents, page, hasNext: rows.length > LIVE_ENTRIES_PER_PAGE };
}

/**
 * Everything the reader story page shows of a story, with its cache keys. Shared by the
 * reader page and the newsroom's preview, so a preview is the page readers will get.
 */
export async function shapeStoryPage(
  deps: Pick<ActionDeps, 'store' | 'clock'>,
  story: Story & { readonly commentCount: number },
  now: Date,
  page = 1,
): Promise<PageResult<StoryPageData>> {
  const repos = deps.store.read;
  const live = await loadLiveCoverage(deps, story.id, page);
  // Entries' bodies link media, profiles and stories as a story's body does.
  const refs = bodyReferences([...story.body, ...(live?.entries.flatMap((entry) => entry.body) ?? [])]);
  const mediaIds = story.leadMediaId ? [story.leadMediaId, ...refs.mediaIds] : refs.mediaIds;
  const sharing = { storyId: story.id, tagIds: story.tagIds, profileIds: refs.profileIds };
  const linked = sharing.tagIds.length > 0 || sharing.profileIds.length > 0;
  const masthead = loadMasthead(deps, story.serviceCode, now);
  const [base, section, tags, media, profiles, related, settings, sectionLatest, authors, sharingLatest, translations] = await Promise.all([
    masthead,
    story.sectionId ? repos.services.findSectionById(story.sectionId) : Promise.resolve(undefined),
    repos.services.findTagsByIds(story.tagIds),
    repos.media.findByIds(mediaIds),
    repos.profiles.findByIds(refs.profileIds),
    repos.stories.findVisibleSummaries(refs.storyIds, now),
    repos.commentRules.settings(story.serviceCode),
    story.sectionId
      ? repos.stories.listPublished({ serviceCode: story.serviceCode, sectionId: story.sectionId, now, limit: MORE_FROM_SECTION + 1, offset: 0 })
      : Promise.resolve([]),
    repos.profiles.findPeopleNamed(story.bylines, story.serviceCode),
    linked
      ? repos.stories.listPublished({ serviceCode: story.serviceCode, sharingWith: sharing, now, limit: RELATED + MORE_FROM_SECTION, offset: 0 })
      : Promise.resolve([]),
    // The switcher's locales come from the masthead's services list, not a second read of it.
    readableTranslations(repos, story.id, now, async () => (await masthead).masthead.services),
  ]);
  const moreFromSection = sectionLatest.filter((s) => s.id !== story.id).slice(0, MORE_FROM_SECTION);
  const relatedStories = sharingLatest.filter((s) => !moreFromSection.some((m) => m.id === s.id)).slice(0, RELATED);
  const linkMediaIds = leadMediaIds([...relatedStories, ...moreFromSection]);
  const linkMedia = linkMediaIds.length ? await repos.media.findByIds(linkMediaIds) : [];
  const forumClosed = isForumClosed(story, settings, now);
  const closesAt = forumClosed ? null : autoClosesAt(story.publishedAt, settings);

  return {
    masthead: base.masthead,
    model: {
      story,
      section: section ?? null,
      tags,
      media: new Map<number, MediaItem>(media.map((m) => [m.id, m])),
      profiles: new Map<number, Profile>(profiles.map((p) => [p.id, p])),
      related: new Map<number, StorySummary>(related.map((s) => [s.id, s])),
      moreFromSection,
      relatedStories,
      linkMedia: new Map<number, MediaItem>(linkMedia.map((m) => [m.id, m])),
      commentCount: story.commentCount,
      authors: new Map<string, Profile>(authors.map((p) => [p.name, p])),
      forumClosed,
      live,
      translations: translations.versions,
    },
    cacheKeys: [
      ...base.cacheKeys,
      cacheKey.story(story.id),
      cacheKey.comments(story.id),
      ...[...new Set([...mediaIds, ...linkMediaIds])].map(cacheKey.media),
      ...[...new Set([...refs.profileIds, ...authors.map((p) => p.id)])].map(cacheKey.profile),
      // A related story that is not visible yet may become so: its change must purge this page.
      ...refs.storyIds.map(cacheKey.story),
      // A version published, withdrawn or retitled in another service changes the switcher.
      ...translations.group.filter((id) => id !== story.id).map(cacheKey.story),
      // "More from this section" and the related stories change with the service's lists.
      ...(story.sectionId || linked ? [cacheKey.lists(story.serviceCode)] : []),
    ],
    validUntil: earliest(base.validUntil, closesAt),
  };
}
