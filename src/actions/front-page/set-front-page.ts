import { invalid } from '../../domain/shared/errors.js';
import { isVisibleToReaders, type StorySummary } from '../../domain/story/story.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';

/** The lead story and up to three top stories. */
export const MAX_FRONT_STORIES = 4;

/**
 * An editor chooses the stories at the top of a service's front page, lead first: published
 * stories of that service, each once. An empty list hands the front page back to "newest first".
 */
export async function setFrontPage(deps: ActionDeps, actor: Actor, serviceCode: string, storyIds: unknown): Promise<number[]> {
  requirePermission(actor, 'front.edit', { serviceCode });
  if (!Array.isArray(storyIds) || storyIds.length > MAX_FRONT_STORIES || !storyIds.every((id) => Number.isSafeInteger(id) && id > 0)) {
    throw invalid('FIELD_INVALID', `storyIds must be up to ${MAX_FRONT_STORIES} story ids, lead first`, 'storyIds');
  }
  const ids = storyIds as number[];
  if (new Set(ids).size !== ids.length) throw invalid('FRONT_PAGE_DUPLICATE', 'a story can stand on the front page once', 'storyIds');
  const now = deps.clock.now();
  await deps.store.transaction(async (repos) => {
    if (!(await repos.services.find(serviceCode))) throw invalid('SERVICE_NOT_FOUND', `there is no service "${serviceCode}"`, 'serviceCode');
    for (const id of ids) {
      const story = await repos.stories.findById(id);
      if (!story || story.serviceCode !== serviceCode || !isVisibleToReaders(story, now)) {
        throw invalid('FRONT_PAGE_STORY_INVALID', `story ${id} is not a published story of this service`, 'storyIds');
      }
    }
    await repos.frontPage.replace(serviceCode, ids);
    await repos.audit.record({ userId: actorUserId(actor), action: 'front.edit', subject: `service:${serviceCode}`, details: { storyIds: ids } }, now);
  });
  // The front page shows the service's lists; a service change purges every page of the service.
  deps.events.publish({ type: 'service.changed', serviceCode });
  return ids;
}

/** The chosen stories of a service's front page, lead first. */
export async function getFrontPageChoice(deps: Pick<ActionDeps, 'store'>, actor: Actor, serviceCode: string): Promise<number[]> {
  requirePermission(actor, 'front.edit', { serviceCode });
  return deps.store.read.frontPage.storyIds(serviceCode);
}

/** What the newsroom's front-page form offers: the current choice and the latest published stories of the service (chosen ones included). */
export async function frontPageFormData(
  deps: Pick<ActionDeps, 'store' | 'clock'>,
  actor: Actor,
  serviceCode: string,
): Promise<{ chosen: number[]; stories: StorySummary[] }> {
  requirePermission(actor, 'front.edit', { serviceCode });
  const now = deps.clock.now();
  const chosen = await deps.store.read.frontPage.storyIds(serviceCode);
  const [latest, chosenStories] = await Promise.all([
    deps.store.read.stories.listPublished({ serviceCode, now, limit: 40, offset: 0 }),
    deps.store.read.stories.findVisibleSummaries(chosen, now),
  ]);
  const extra = chosenStories.filter((s) => !latest.some((l) => l.id === s.id));
  return { chosen, stories: [...latest, ...extra] };
}
