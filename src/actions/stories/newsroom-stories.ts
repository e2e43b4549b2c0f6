import { notFound } from '../../domain/shared/errors.js';
import { parseStatus } from '../../domain/story/parse-story.js';
import { diffRevisions, type RevisionChange } from '../../domain/story/revision.js';
import { readableServices, requirePermission } from '../../domain/user/permissions.js';
import type { Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { requireStory } from './check-story-references.js';

export interface NewsroomListQuery {
  readonly service?: string;
  readonly section?: number;
  readonly status?: string;
  readonly author?: number;
  readonly q?: string;
  readonly page?: number;
  readonly perPage?: number;
}

/** The newsroom's story list: every status, of the services the actor works for, filtered and paginated. */
export async function listNewsroomStories(deps: ActionDeps, actor: Actor, query: NewsroomListQuery) {
  requirePermission(actor, 'story.read', query.service ? { serviceCode: query.service } : undefined);
  const perPage = Math.min(Math.max(query.perPage ?? 20, 1), 100);
  const page = Math.max(query.page ?? 1, 1);
  const services = readableServices(actor);
  const serviceCodes = query.service ? [query.service] : services;
  const result = await deps.store.read.stories.listForNewsroom({
    serviceCodes,
    ...(query.section !== undefined ? { sectionId: query.section } : {}),
    ...(query.status !== undefined ? { status: parseStatus(query.status) } : {}),
    ...(query.author !== undefined ? { authorId: query.author } : {}),
    ...(query.q?.trim() ? { text: query.q.trim() } : {}),
    limit: perPage,
    offset: (page - 1) * perPage,
  });
  return { ...result, page, perPage };
}

/** One story as the newsroom edits it, with its status, version and notes. */
export async function getNewsroomStory(deps: ActionDeps, actor: Actor, storyId: number) {
  const story = await requireStory(deps.store.read, storyId);
  requirePermission(actor, 'story.read', { serviceCode: story.serviceCode });
  return story;
}

export async function listRevisions(deps: ActionDeps, actor: Actor, storyId: number, page = 1, perPage = 50) {
  await getNewsroomStory(deps, actor, storyId);
  const limit = Math.min(Math.max(perPage, 1), 100);
  const result = await deps.store.read.revisions.list(storyId, limit, (Math.max(page, 1) - 1) * limit);
  return { ...result, page: Math.max(page, 1), perPage: limit };
}

/** The readable difference between two revisions of one story. */
export async function diffStoryRevisions(
  deps: ActionDeps,
  actor: Actor,
  storyId: number,
  fromId: number,
  toId: number,
): Promise<RevisionChange[]> {
  await getNewsroomStory(deps, actor, storyId);
  const [from, to] = await Promise.all([deps.store.read.revisions.find(storyId, fromId), deps.store.read.revisions.find(storyId, toId)]);
  if (!from) throw notFound('REVISION_NOT_FOUND', `revision ${fromId} is not a revision of story ${storyId}`);
  if (!to) throw notFound('REVISION_NOT_FOUND', `revision ${toId} is not a revision of story ${storyId}`);
  return diffRevisions(from.content, to.content);
}
