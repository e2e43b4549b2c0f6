import { conflict, notFound } from '../../domain/shared/errors.js';
import { LIVE_ENTRIES_PER_PAGE, parseLiveEntryInput, type LiveEntry } from '../../domain/story/live-entry.js';
import { can, requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { Repositories } from '../../store/store.js';
import type { ActionDeps } from '../deps.js';
import { requireStory } from '../stories/check-story-references.js';

type EntryInput = { body: unknown; pinned?: unknown; keyEvent?: unknown };

/** The story, which must be live, with the permission to write its entries checked. */
async function requireLiveStory(repos: Repositories, actor: Actor, storyId: number) {
  const story = await requireStory(repos, storyId);
  requirePermission(actor, 'story.live', { serviceCode: story.serviceCode });
  if (!(await repos.liveEntries.liveSince(storyId))) {
    throw conflict('STORY_NOT_COVERED_LIVE', 'This story is not live: turn it live before posting entries', 'storyId');
  }
  return story;
}

async function requireEntry(repos: Repositories, storyId: number, entryId: number): Promise<LiveEntry> {
  const entry = await repos.liveEntries.find(entryId);
  if (!entry || entry.storyId !== storyId) throw notFound('LIVE_ENTRY_NOT_FOUND', undefined, { context: { storyId, entryId } });
  return entry;
}

/** Posts a timestamped entry on a live story; open pages show it at once. */
export async function postLiveEntry(deps: ActionDeps, actor: Actor, storyId: number, input: EntryInput): Promise<LiveEntry> {
  const parsed = parseLiveEntryInput(input);
  const now = deps.clock.now();
  return deps.store.transaction(async (repos, emit) => {
    const story = await requireLiveStory(repos, actor, storyId);
    const entry = await repos.liveEntries.insert(storyId, parsed, actorUserId(actor), now);
    await repos.liveEntries.recordRevision(entry, 'post', actorUserId(actor), now);
    await repos.audit.record({ userId: actorUserId(actor), action: 'live.post', subject: `live-entry:${entry.id}` }, now);
    emit({ type: 'live.changed', storyId, serviceCode: story.serviceCode, entryId: entry.id });
    return entry;
  });
}

/** Edits an entry, naming the version edited (a stale edit is refused with LIVE_ENTRY_VERSION_CONFLICT); the old text stays as a revision. */
export async function editLiveEntry(
  deps: ActionDeps,
  actor: Actor,
  storyId: number,
  entryId: number,
  input: EntryInput & { version: number },
): Promise<LiveEntry> {
  const parsed = parseLiveEntryInput(input);
  const now = deps.clock.now();
  return deps.store.transaction(async (repos, emit) => {
    const story = await requireLiveStory(repos, actor, storyId);
    await requireEntry(repos, storyId, entryId);
    const entry = await repos.liveEntries.update(entryId, parsed, input.version, now);
    if (!entry) throw conflict('LIVE_ENTRY_VERSION_CONFLICT', undefined, 'version');
    await repos.liveEntries.recordRevision(entry, 'edit', actorUserId(actor), now);
    await repos.audit.record({ userId: actorUserId(actor), action: 'live.edit', subject: `live-entry:${entryId}` }, now);
    emit({ type: 'live.changed', storyId, serviceCode: story.serviceCode, entryId });
    return entry;
  });
}

/** Takes an entry off the story; its revisions stay. */
export async function deleteLiveEntry(deps: ActionDeps, actor: Actor, storyId: number, entryId: number): Promise<void> {
  const now = deps.clock.now();
  await deps.store.transaction(async (repos, emit) => {
    const story = await requireLiveStory(repos, actor, storyId);
    const entry = await requireEntry(repos, storyId, entryId);
    await repos.liveEntries.delete(entryId, now);
    await repos.liveEntries.recordRevision(entry, 'delete', actorUserId(actor), now);
    await repos.audit.record({ userId: actorUserId(actor), action: 'live.delete', subject: `live-entry:${entryId}` }, now);
    emit({ type: 'live.changed', storyId, serviceCode: story.serviceCode, entryId });
  });
}

/** A page of a story's entries for the newsroom (pinned first, then newest first). */
export async function listLiveEntries(deps: ActionDeps, actor: Actor, storyId: number, page = 1) {
  const story = await requireStory(deps.store.read, storyId);
  requirePermission(actor, 'story.read', { serviceCode: story.serviceCode });
  const rows = await deps.store.read.liveEntries.page(storyId, LIVE_ENTRIES_PER_PAGE + 1, (page - 1) * LIVE_ENTRIES_PER_PAGE);
  return { items: rows.slice(0, LIVE_ENTRIES_PER_PAGE), page, hasNext: rows.length > LIVE_ENTRIES_PER_PAGE };
}

/** An entry's revisions, oldest first: what was posted, each edit, the deletion. */
export async function listLiveEntryRevisions(deps: ActionDeps, actor: Actor, storyId: number, entryId: number) {
  const story = await requireStory(deps.store.read, storyId);
  requirePermission(actor, 'story.read', { serviceCode: story.serviceCode });
  const revisions = await deps.store.read.liveEntries.revisions(entryId, 200);
  if (revisions.length === 0) throw notFound('LIVE_ENTRY_NOT_FOUND', undefined, { context: { storyId, entryId } });
  return revisions;
}

/** The newsroom's live page of a story: the story, since when it is live, a page of its entries, and whether this person may write them. */
export async function getLiveDesk(deps: ActionDeps, actor: Actor, storyId: number, page = 1) {
  const story = await requireStory(deps.store.read, storyId);
  requirePermission(actor, 'story.read', { serviceCode: story.serviceCode });
  const [liveSince, list] = await Promise.all([deps.store.read.liveEntries.liveSince(storyId), listLiveEntries(deps, actor, storyId, page)]);
  return { story: { id: story.id, headline: story.headline }, liveSince, ...list, mayWrite: can(actor, 'story.live', { serviceCode: story.serviceCode }) };
}

/** One entry of a story, for its edit form. */
export async function getLiveEntry(deps: ActionDeps, actor: Actor, storyId: number, entryId: number) {
  const story = await requireStory(deps.store.read, storyId);
  requirePermission(actor, 'story.live', { serviceCode: story.serviceCode });
  return { story: { id: story.id, headline: story.headline, serviceCode: story.serviceCode }, entry: await requireEntry(deps.store.read, storyId, entryId) };
}
