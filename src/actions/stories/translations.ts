import type { LanguageService } from '../../domain/service/service.js';
import { invalid, notFound } from '../../domain/shared/errors.js';
import type { LinkedVersion, StoryTranslation } from '../../domain/story/translation.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { Emit, Repositories } from '../../store/store.js';
import type { ActionDeps } from '../deps.js';
import { requireStory } from './check-story-references.js';

/** The most versions a story links: one per service, and a newsroom has a few dozen services at most. */
const MAX_VERSIONS = 100;

/**
 * Makes a story and `storyIds` one translation group: versions of each other, one per service.
 * The list is the whole group: a version left out is unlinked, `[]` unlinks the story from all.
 * A story named that is in another group leaves it. Refused, changing nothing: an unknown story
 * (404 STORY_NOT_FOUND), one of the story's own service (TRANSLATION_SAME_SERVICE), two of one
 * service (TRANSLATION_SERVICE_TWICE). Needs `story.edit` on the story and `story.read` on each
 * version; every page whose switcher changes is purged.
 */
export async function setTranslations(deps: ActionDeps, actor: Actor, storyId: number, storyIds: readonly number[]): Promise<LinkedVersion[]> {
  const now = deps.clock.now();
  return deps.store.transaction(async (repos, emit) => {
    const story = await requireStory(repos, storyId);
    requirePermission(actor, 'story.edit', { serviceCode: story.serviceCode, authorId: story.authorId, status: story.status });
    if (storyIds.length > MAX_VERSIONS) throw invalid('FIELD_INVALID', `a story links at most ${MAX_VERSIONS} versions`, 'storyIds');
    const services = new Set([story.serviceCode]);
    const members = [{ storyId, serviceCode: story.serviceCode }];
    for (const [index, id] of storyIds.entries()) {
      const field = `storyIds[${index}]`;
      const other = await repos.stories.findById(id);
      if (!other) throw notFound('STORY_NOT_FOUND', `story ${id} does not exist`, { field, context: { storyId: id } });
      requirePermission(actor, 'story.read', { serviceCode: other.serviceCode, authorId: other.authorId, status: other.status });
      if (other.serviceCode === story.serviceCode) {
        throw invalid('TRANSLATION_SAME_SERVICE', `story ${id} is in the same service (${other.serviceCode}) as this story`, field);
      }
      if (services.has(other.serviceCode)) {
        throw invalid('TRANSLATION_SERVICE_TWICE', `two stories of the service ${other.serviceCode} are named; a story has one version per service`, field);
      }
      services.add(other.serviceCode);
      members.push({ storyId: id, serviceCode: other.serviceCode });
    }
    const touched = await repos.translations.replaceGroup(members);
    for (const id of touched) {
      const changed = id === storyId ? story : await repos.stories.findById(id);
      if (changed) emit({ type: 'story.changed', storyId: id, serviceCode: changed.serviceCode });
    }
    await repos.audit.record({ userId: actorUserId(actor), action: 'story.translations', subject: `story:${storyId}`, details: { storyIds } }, now);
    return linkedVersions(repos, storyId);
  });
}

/**
 * A story moved to another service is a version of another service no longer: it leaves its
 * translation group (which may hold a story of its new service); the others' switchers change.
 */
export async function leaveTranslationGroup(repos: Repositories, emit: Emit, storyId: number): Promise<void> {
  for (const member of await repos.translations.groupOf(storyId)) {
    if (member.storyId !== storyId) emit({ type: 'story.changed', storyId: member.storyId, serviceCode: member.serviceCode });
  }
  await repos.translations.leave([storyId]);
}

/** The other versions of a story, any status (the newsroom's list). */
export async function listLinkedVersions(deps: Pick<ActionDeps, 'store'>, actor: Actor, storyId: number): Promise<LinkedVersion[]> {
  const story = await requireStory(deps.store.read, storyId);
  requirePermission(actor, 'story.read', { serviceCode: story.serviceCode, authorId: story.authorId, status: story.status });
  return linkedVersions(deps.store.read, storyId);
}

async function linkedVersions(repos: Repositories, storyId: number): Promise<LinkedVersion[]> {
  const versions: LinkedVersion[] = [];
  for (const member of await repos.translations.groupOf(storyId)) {
    if (member.storyId === storyId) continue;
    const story = await repos.stories.findById(member.storyId);
    if (story) versions.push({ id: story.id, serviceCode: story.serviceCode, headline: story.headline, status: story.status });
  }
  return versions;
}

/**
 * The versions readers can follow from a story: published ones only (a draft or embargoed
 * version is not linked until it is live), with their service's locale; the story itself
 * included, so hreflang alternates are reciprocal. [] when the story has no live version elsewhere.
 * `services` gives the services list (the page's masthead already holds it); asked only when the story has versions.
 */
export async function readableTranslations(
  repos: Repositories,
  storyId: number,
  now: Date,
  services: () => Promise<readonly LanguageService[]>,
): Promise<{ versions: StoryTranslation[]; group: number[] }> {
  const group = (await repos.translations.groupOf(storyId)).map((m) => m.storyId);
  if (group.length === 0) return { versions: [], group };
  const [visible, serviceList] = await Promise.all([repos.stories.findVisibleSummaries(group, now), services()]);
  const locales = new Map(serviceList.map((s) => [s.code, s.locale]));
  const versions = visible
    .map((s) => ({ id: s.id, serviceCode: s.serviceCode, locale: locales.get(s.serviceCode) ?? s.serviceCode, slug: s.slug, headline: s.headline }))
    .sort((a, b) => a.id - b.id);
  return { versions: versions.some((v) => v.id !== storyId) ? versions : [], group };
}

/**
 * The published versions in other services of many stories at once (the Content API), each
 * story's own left out, with the ids of every story in their groups (whose changes change them).
 */
export async function readableTranslationsOf(
  repos: Repositories,
  storyIds: readonly number[],
  now: Date,
): Promise<{ byStory: Map<number, StoryTranslation[]>; groupIds: number[] }> {
  const groups = await repos.translations.groupsOf(storyIds);
  const memberIds = [...new Set([...groups.values()].flat().map((m) => m.storyId))];
  const byStory = new Map<number, StoryTranslation[]>();
  if (memberIds.length === 0) return { byStory, groupIds: [] };
  const [visible, services] = await Promise.all([repos.stories.findVisibleSummaries(memberIds, now), repos.services.list()]);
  const locales = new Map(services.map((s) => [s.code, s.locale]));
  const summaries = new Map(visible.map((s) => [s.id, s]));
  for (const [storyId, members] of groups) {
    const versions: StoryTranslation[] = [];
    for (const member of members) {
      const s = member.storyId === storyId ? undefined : summaries.get(member.storyId);
      if (s) versions.push({ id: s.id, serviceCode: s.serviceCode, locale: locales.get(s.serviceCode) ?? s.serviceCode, slug: s.slug, headline: s.headline });
    }
    byStory.set(storyId, versions);
  }
  return { byStory, groupIds: memberIds };
}
