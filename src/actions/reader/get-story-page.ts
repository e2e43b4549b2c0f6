import { bodyReferences } from '../../domain/body/body.js';
import type { MediaItem } from '../../domain/media/media.js';
import type { Profile } from '../../domain/profile/profile.js';
import type { Section, Tag } from '../../domain/service/service.js';
import type { Story, StorySummary } from '../../domain/story/story.js';
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
  params: { serviceCode: string; slug: string; storyId: number },
): Promise<StoryPageOutcome> {
  const now = deps.clock.now();
  const story = await findReadableStory(deps.store.read, params.storyId, now);
  if (story.slug !== params.slug || story.serviceCode !== params.serviceCode) {
    return { kind: 'redirect', serviceCode: story.serviceCode, slug: story.slug, id: story.id };
  }

  return { kind: 'page', page: await shapeStoryPage(deps, story, now) };
}

/**
 * Everything the reader story page shows of a story, with its cache keys. Shared by the
 * reader page and the newsroom's preview, so a preview is the page readers will get.
 */
export async function shapeStoryPage(
  deps: Pick<ActionDeps, 'store' | 'clock'>,
  story: Story & { readonly commentCount: number },
  now: Date,
): Promise<PageResult<StoryPageData>> {
  const repos = deps.store.read;
  const refs = bodyReferences(story.body);
  const mediaIds = story.leadMediaId ? [story.leadMediaId, ...refs.mediaIds] : refs.mediaIds;
  const sharing = { storyId: story.id, tagIds: story.tagIds, profileIds: refs.profileIds };
  const linked = sharing.tagIds.length > 0 || sharing.profileIds.length > 0;
  const [base, section, tags, media, profiles, related, settings, sectionLatest, authors, sharingLatest] = await Promise.all([
    loadMasthead(deps, story.serviceCode, now),
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
    },
    cacheKeys: [
      ...base.cacheKeys,
      cacheKey.story(story.id),
      cacheKey.comments(story.id),
      ...[...new Set([...mediaIds, ...linkMediaIds])].map(cacheKey.media),
      ...[...new Set([...refs.profileIds, ...authors.map((p) => p.id)])].map(cacheKey.profile),
      // A related story that is not visible yet may become so: its change must purge this page.
      ...refs.storyIds.map(cacheKey.story),
      // "More from this section" and the related stories change with the service's lists.
      ...(story.sectionId || linked ? [cacheKey.lists(story.serviceCode)] : []),
    ],
    validUntil: earliest(base.validUntil, closesAt),
  };
}
