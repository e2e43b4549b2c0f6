import { bodyReferences } from '../../domain/body/body.js';
import type { MediaItem } from '../../domain/media/media.js';
import type { Profile } from '../../domain/profile/profile.js';
import type { Section, Tag } from '../../domain/service/service.js';
import type { DistributedStory } from '../../domain/distribution/distributed-story.js';
import type { Repositories } from '../../store/store.js';
import type { LiveEntry } from '../../domain/story/live-entry.js';
import { isVisibleToReaders } from '../../domain/story/story.js';
import { cacheKey } from '../reader/page-result.js';
import { readableTranslationsOf } from '../stories/translations.js';

/** A live story's entries that feeds and the Content API carry: its first page. */
const LIVE_ENTRIES_DISTRIBUTED = 20;

/**
 * Loads published stories in full, in the order given, with their sections, tags, media and
 * profiles in a few queries whatever their number; returns them with the surrogate keys of everything they show.
 * Stories that are not visible (any more) at `now` are left out.
 */
export async function loadDistributedStories(
  repos: Repositories,
  ids: readonly number[],
  now: Date,
): Promise<{ stories: DistributedStory[]; cacheKeys: string[] }> {
  const stories = (await repos.stories.findByIds(ids)).filter((story) => isVisibleToReaders(story, now));
  const live = await repos.liveEntries.liveAmong(stories.map((story) => story.id));
  const entriesOf = new Map<number, LiveEntry[]>(
    await Promise.all([...live].map(async (id) => [id, await repos.liveEntries.page(id, LIVE_ENTRIES_DISTRIBUTED, 0)] as const)),
  );
  const mediaIds = new Set<number>();
  const profileIds = new Set<number>();
  const tagIds = new Set<number>();
  const sectionIds = new Set<number>();
  // What each story's body and live entries refer to, worked out once for the queries and the result.
  const refsOf = new Map(stories.map((story) => [story.id, bodyReferences([...story.body, ...(entriesOf.get(story.id) ?? []).flatMap((entry) => entry.body)])]));
  for (const story of stories) {
    const refs = refsOf.get(story.id)!;
    if (story.leadMediaId !== null) mediaIds.add(story.leadMediaId);
    refs.mediaIds.forEach((id) => mediaIds.add(id));
    refs.profileIds.forEach((id) => profileIds.add(id));
    story.tagIds.forEach((id) => tagIds.add(id));
    if (story.sectionId !== null) sectionIds.add(story.sectionId);
  }
  const [media, profiles, tags, sections, translations] = await Promise.all([
    repos.media.findByIds([...mediaIds]),
    repos.profiles.findByIds([...profileIds]),
    repos.services.findTagsByIds([...tagIds]),
    Promise.all([...sectionIds].map((id) => repos.services.findSectionById(id))),
    readableTranslationsOf(repos, stories.map((s) => s.id), now),
  ]);
  const mediaById = new Map<number, MediaItem>(media.map((m) => [m.id, m]));
  const profileById = new Map<number, Profile>(profiles.map((p) => [p.id, p]));
  const tagById = new Map(tags.map((t) => [t.id, t]));
  const sectionById = new Map(sections.filter((s): s is Section => s !== undefined).map((s) => [s.id, s]));
  return {
    stories: stories.map((story) => {
      const liveEntries = entriesOf.get(story.id) ?? [];
      const refs = refsOf.get(story.id)!;
      const own = story.leadMediaId !== null ? [story.leadMediaId, ...refs.mediaIds] : refs.mediaIds;
      return {
        story,
        section: story.sectionId !== null ? (sectionById.get(story.sectionId) ?? null) : null,
        tags: story.tagIds.map((id) => tagById.get(id)).filter((t): t is Tag => t !== undefined),
        media: new Map(own.map((id) => mediaById.get(id)).filter((m): m is MediaItem => m !== undefined).map((m) => [m.id, m])),
        profiles: new Map(refs.profileIds.map((id) => profileById.get(id)).filter((p): p is Profile => p !== undefined).map((p) => [p.id, p])),
        liveEntries,
        translations: translations.byStory.get(story.id) ?? [],
      };
    }),
    cacheKeys: [
      ...new Set([...stories.map((s) => s.id), ...translations.groupIds].map(cacheKey.story)),
      ...[...mediaIds].map(cacheKey.media),
      ...[...profileIds].map(cacheKey.profile),
    ],
  };
}
