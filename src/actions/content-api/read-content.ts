import { bodyReferences } from '../../domain/body/body.js';
import type { DistributedStory } from '../../domain/distribution/distributed-story.js';
import { LIVE_ENTRIES_PER_PAGE, type LiveEntry } from '../../domain/story/live-entry.js';
import type { MediaItem } from '../../domain/media/media.js';
import type { Profile } from '../../domain/profile/profile.js';
import type { LanguageService, Section, Tag } from '../../domain/service/service.js';
import { invalid, notFound } from '../../domain/shared/errors.js';
import { isVisibleToReaders } from '../../domain/story/story.js';
import type { ActionDeps } from '../deps.js';
import { loadDistributedStories } from '../distribution/feed-stories.js';
import { cacheKey } from '../reader/page-result.js';

type Deps = Pick<ActionDeps, 'store' | 'clock'>;

/** A position in the newest-first list of stories. */
export interface StoryCursor {
  readonly publishedAt: Date;
  readonly id: number;
}

/** A story that is or was covered live: since when (null: the coverage ended) and how many entries it shows. */
export interface ContentLiveState {
  readonly since: Date | null;
  readonly entryCount: number;
}

/** A published story with its live state (null: never covered live). */
export type ContentStory = DistributedStory & { readonly live: ContentLiveState | null };

export interface Keyed<T> {
  readonly value: T;
  readonly cacheKeys: readonly string[];
}

export async function listContentServices(deps: Deps): Promise<Keyed<{ service: LanguageService; sections: Section[] }[]>> {
  const repos = deps.store.read;
  const [services, sections] = await Promise.all([repos.services.list(), repos.services.listAllSections()]);
  return {
    value: services.map((service) => ({ service, sections: sections.filter((s) => s.serviceCode === service.code) })),
    cacheKeys: [cacheKey.services(), ...services.map((s) => cacheKey.service(s.code))],
  };
}

export async function listContentTags(deps: Deps, serviceCode: string): Promise<Keyed<Tag[]>> {
  const repos = deps.store.read;
  if (!(await repos.services.find(serviceCode))) throw notFound('SERVICE_NOT_FOUND', `there is no service "${serviceCode}"`);
  return { value: await repos.services.listTags(serviceCode), cacheKeys: [cacheKey.service(serviceCode), cacheKey.lists(serviceCode)] };
}

/** Published stories, newest first, a page at a time from `cursor`; filters by service, section, topic and last change. */
export async function listContentStories(
  deps: Deps,
  query: { service?: string; section?: string; tag?: string; updatedSince?: Date; cursor?: StoryCursor; limit: number },
): Promise<Keyed<{ stories: ContentStory[]; next: StoryCursor | null }>> {
  const now = deps.clock.now();
  const repos = deps.store.read;
  if ((query.section || query.tag) && !query.service) {
    throw invalid('FIELD_INVALID', 'section and tag need service: their slugs are per service', query.section ? 'section' : 'tag');
  }
  let sectionId: number | undefined;
  let tagId: number | undefined;
  if (query.service) {
    if (!(await repos.services.find(query.service))) throw notFound('SERVICE_NOT_FOUND', `there is no service "${query.service}"`);
    if (query.section) {
      const section = await repos.services.findSection(query.service, query.section);
      if (!section) throw notFound('SECTION_NOT_FOUND', `there is no section "${query.section}"`);
      sectionId = section.id;
    }
    if (query.tag) {
      const tag = await repos.services.findTag(query.service, query.tag);
      if (!tag) throw notFound('TAG_NOT_FOUND', `there is no topic "${query.tag}"`);
      tagId = tag.id;
    }
  }
  const rows = await repos.stories.listPublishedIds({
    now,
    ...(query.service ? { serviceCode: query.service } : {}),
    ...(sectionId !== undefined ? { sectionId } : {}),
    ...(tagId !== undefined ? { tagId } : {}),
    ...(query.updatedSince ? { updatedSince: query.updatedSince } : {}),
    ...(query.cursor ? { after: query.cursor } : {}),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const [loaded, live] = await Promise.all([loadDistributedStories(repos, page.map((r) => r.id), now), repos.liveEntries.states(page.map((r) => r.id))]);
  const services = query.service ? [query.service] : (await repos.services.list()).map((s) => s.code);
  return {
    value: { stories: loaded.stories.map((s) => ({ ...s, live: live.get(s.story.id) ?? null })), next: rows.length > query.limit && last ? { publishedAt: last.publishedAt, id: last.id } : null },
    cacheKeys: [...services.map(cacheKey.lists), ...loaded.cacheKeys],
  };
}

/** One published story; anything else (draft, embargoed, withdrawn, unknown) is not found. */
export async function getContentStory(deps: Deps, id: number): Promise<Keyed<ContentStory>> {
  const now = deps.clock.now();
  const story = await deps.store.read.stories.findById(id);
  if (!story || !isVisibleToReaders(story, now)) throw notFound('STORY_NOT_FOUND', `there is no story ${id}`);
  const [loaded, live] = await Promise.all([loadDistributedStories(deps.store.read, [id], now), deps.store.read.liveEntries.states([id])]);
  const found = loaded.stories[0];
  if (!found) throw notFound('STORY_NOT_FOUND', `there is no story ${id}`);
  return { value: { ...found, live: live.get(id) ?? null }, cacheKeys: loaded.cacheKeys };
}

/**
 * A page of a published story's live entries, as its reader page lists them (pinned first, then
 * newest first, twenty a page), with the media and profiles they show. A story never covered
 * live has no entries (`live` null). Keyed by the story, which every entry change purges.
 */
export async function getContentLiveEntries(
  deps: Deps,
  id: number,
  page: number,
): Promise<Keyed<{ story: DistributedStory['story']; live: ContentLiveState | null; entries: LiveEntry[]; hasNext: boolean; media: MediaItem[]; profiles: Profile[] }>> {
  const now = deps.clock.now();
  const repos = deps.store.read;
  const story = await repos.stories.findById(id);
  if (!story || !isVisibleToReaders(story, now)) throw notFound('STORY_NOT_FOUND', `there is no story ${id}`);
  const [states, rows] = await Promise.all([
    repos.liveEntries.states([id]),
    repos.liveEntries.page(id, LIVE_ENTRIES_PER_PAGE + 1, (page - 1) * LIVE_ENTRIES_PER_PAGE),
  ]);
  const entries = rows.slice(0, LIVE_ENTRIES_PER_PAGE);
  const refs = bodyReferences(entries.flatMap((entry) => entry.body));
  const [media, profiles] = await Promise.all([repos.media.findByIds(refs.mediaIds), repos.profiles.findByIds(refs.profileIds)]);
  return {
    value: { story, live: states.get(id) ?? null, entries, hasNext: rows.length > LIVE_ENTRIES_PER_PAGE, media, profiles },
    cacheKeys: [cacheKey.story(id), ...media.map((m) => cacheKey.media(m.id)), ...profiles.map((p) => cacheKey.profile(p.id))],
  };
}

export async function getContentProfile(deps: Deps, id: number): Promise<Keyed<Profile>> {
  const profile = await deps.store.read.profiles.findById(id);
  if (!profile) throw notFound('PROFILE_NOT_FOUND', `there is no profile ${id}`);
  return { value: profile, cacheKeys: [cacheKey.profile(id)] };
}

/** A media item shown by a published story; items only in the library (unused, or in drafts) are not found. */
export async function getContentMedia(deps: Deps, id: number): Promise<Keyed<MediaItem>> {
  const repos = deps.store.read;
  const [item] = await repos.media.findByIds([id]);
  if (!item || !(await repos.stories.isMediaPublic(id, deps.clock.now()))) throw notFound('MEDIA_NOT_FOUND', `there is no media item ${id}`);
  // The media item changes with a story too: a story unpublished makes it private again.
  return { value: item, cacheKeys: [cacheKey.media(id)] };
}
