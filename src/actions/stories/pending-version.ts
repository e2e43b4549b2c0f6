import { conflict } from '../../domain/shared/errors.js';
import { parseStoryInput, type StoryInput } from '../../domain/story/parse-story.js';
import { diffRevisions, type RevisionChange } from '../../domain/story/revision.js';
import type { Story } from '../../domain/story/story.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { Emit, Repositories } from '../../store/store.js';
import type { ActionDeps } from '../deps.js';
import { checkStoryReferences, requireStory } from './check-story-references.js';
import { requireFutureTime } from './schedule-time.js';
import { leaveTranslationGroup } from './translations.js';

/** A live story's changes that readers do not see yet. */
export interface PendingVersion {
  readonly revisionId: number;
  /** The story version the pending text was saved as. */
  readonly version: number;
  readonly content: StoryInput;
  readonly userId: number | null;
  readonly savedAt: Date;
  /** When it goes live by itself; null: when an editor presses Update. */
  readonly applyAt: Date | null;
}

/** The pending version of a story, if it has one. */
export async function findPending(repos: Repositories, storyId: number): Promise<PendingVersion | undefined> {
  const pointer = await repos.stories.pendingOf(storyId);
  if (!pointer) return undefined;
  const revision = await repos.revisions.find(storyId, pointer.revisionId);
  if (!revision) return undefined;
  return { revisionId: revision.id, version: revision.version, content: revision.content, userId: revision.userId, savedAt: revision.at, applyAt: pointer.applyAt };
}

/** What a story's saved fields are, as a revision holds them (to compare with a pending version). */
export function liveContent(story: Story): StoryInput {
  return {
    serviceCode: story.serviceCode,
    sectionId: story.sectionId,
    slug: story.slug,
    headline: story.headline,
    deck: story.deck,
    dateline: story.dateline,
    bylines: story.bylines,
    credits: story.credits,
    body: story.body,
    leadMediaId: story.leadMediaId,
    leadMediaCaption: story.leadMediaCaption,
    leadMediaCredit: story.leadMediaCredit,
    tagIds: story.tagIds,
    commentsState: story.commentsState,
  };
}

/** The pending version of a story the actor may read, and how it differs from the live text. */
export async function getPendingVersion(
  deps: ActionDeps,
  actor: Actor,
  storyId: number,
): Promise<(PendingVersion & { changes: RevisionChange[] }) | null> {
  const repos = deps.store.read;
  const story = await requireStory(repos, storyId);
  requirePermission(actor, 'story.read', { serviceCode: story.serviceCode });
  const pending = await findPending(repos, storyId);
  return pending ? { ...pending, changes: diffRevisions(liveContent(story), pending.content) } : null;
}

/** Only a published story has a live version that changes can wait to replace. */
export function requireLive(story: Pick<Story, 'status'>): void {
  if (story.status !== 'published') {
    throw conflict(
      'STORY_NOT_LIVE',
      story.status === 'unpublished'
        ? 'this story is withdrawn: there is no live version to update. Publish it again first (its changes were kept in the story)'
        : `this story is ${story.status}, not published: its changes are saved directly, there is nothing to put live`,
      'status',
    );
  }
}

/** A story that can take a pending-version step: published, with a pending version. */
async function requirePending(repos: Repositories, actor: Actor, storyId: number) {
  const story = await requireStory(repos, storyId);
  requirePermission(actor, 'story.publish', { serviceCode: story.serviceCode });
  requireLive(story);
  const pending = await findPending(repos, storyId);
  if (!pending) throw conflict('STORY_NOTHING_PENDING', 'this story has no unpublished changes to put live', 'status');
  return { story, pending };
}

/**
 * Puts a published story's pending version live ("Update"), now, or at `at` (a scheduled update
 * the scheduler applies). Editors only: reporters propose, editors publish. Readers, feeds,
 * search and the Content API see the new text from this moment, with the same events as an edit.
 */
export async function updateLiveStory(
  deps: ActionDeps,
  actor: Actor,
  storyId: number,
  options: { at?: Date } = {},
): Promise<{ status: 'updated' | 'scheduled'; at: Date; version: number }> {
  const now = deps.clock.now();
  if (options.at) requireFutureTime(options.at, now);
  return deps.store.transaction(async (repos, emit) => {
    const { story, pending } = await requirePending(repos, actor, storyId);
    const userId = actorUserId(actor);
    if (options.at && options.at.getTime() > now.getTime()) {
      await repos.stories.setPending(storyId, pending.revisionId, options.at);
      await repos.audit.record({ userId, action: 'story.schedule-update', subject: `story:${storyId}`, details: { at: options.at.toISOString() } }, now);
      emit({ type: 'story.changed', storyId, serviceCode: story.serviceCode });
      return { status: 'scheduled' as const, at: options.at, version: story.version };
    }
    const version = await applyPending(repos, emit, story, pending, userId, now);
    return { status: 'updated' as const, at: now, version };
  });
}

/**
 * Makes the pending text the story's (checked again: a media item or profile may be gone since),
 * clears the pending pointer, and tells everyone the live story changed. Returns the new version.
 */
export async function applyPending(
  repos: Repositories,
  emit: Emit,
  story: Story,
  pending: PendingVersion,
  userId: number | null,
  now: Date,
): Promise<number> {
  const content = parseStoryInput(pending.content);
  await checkStoryReferences(repos, content);
  const version = (await repos.stories.update(story.id, content, now)) ?? story.version;
  await repos.stories.setPending(story.id, null, null);
  await repos.audit.record({ userId, action: 'story.update', subject: `story:${story.id}`, details: { revisionId: pending.revisionId } }, now);
  emit({ type: 'story.changed', storyId: story.id, serviceCode: content.serviceCode, change: 'updated' });
  if (story.serviceCode !== content.serviceCode) {
    emit({ type: 'story.changed', storyId: story.id, serviceCode: story.serviceCode });
    await leaveTranslationGroup(repos, emit, story.id);
  }
  return version;
}

/**
 * Drops a live story's pending version (its revision stays in the history). Editors, and the
 * reporter who may edit the story (their own proposal).
 */
export async function discardPending(deps: ActionDeps, actor: Actor, storyId: number): Promise<void> {
  const now = deps.clock.now();
  await deps.store.transaction(async (repos, emit) => {
    const story = await requireStory(repos, storyId);
    requirePermission(actor, 'story.edit', { serviceCode: story.serviceCode, authorId: story.authorId, status: story.status });
    const pending = await findPending(repos, storyId);
    if (!pending) throw conflict('STORY_NOTHING_PENDING', 'this story has no unpublished changes to discard', 'status');
    await repos.stories.setPending(storyId, null, null);
    await repos.audit.record({ userId: actorUserId(actor), action: 'story.discard-pending', subject: `story:${storyId}`, details: { revisionId: pending.revisionId } }, now);
    emit({ type: 'story.changed', storyId, serviceCode: story.serviceCode });
  });
}

/** Makes a scheduled update wait for an editor's Update again (its text stays pending). */
export async function cancelScheduledUpdate(deps: ActionDeps, actor: Actor, storyId: number): Promise<void> {
  const now = deps.clock.now();
  await deps.store.transaction(async (repos, emit) => {
    const { story, pending } = await requirePending(repos, actor, storyId);
    if (!pending.applyAt) throw conflict('STORY_NOT_SCHEDULED', 'this story’s changes are not scheduled to go live', 'status');
    await repos.stories.setPending(storyId, pending.revisionId, null);
    await repos.audit.record({ userId: actorUserId(actor), action: 'story.cancel-schedule', subject: `story:${storyId}`, details: { update: true } }, now);
    emit({ type: 'story.changed', storyId, serviceCode: story.serviceCode });
  });
}
