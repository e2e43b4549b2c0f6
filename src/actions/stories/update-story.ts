import { conflict } from '../../domain/shared/errors.js';
import { parseStoryInput, type StoryInput } from '../../domain/story/parse-story.js';
import { replacesLatestRevision, type RevisionKind } from '../../domain/story/revision.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { checkStoryReferences, requireStory } from './check-story-references.js';
import { leaveTranslationGroup } from './translations.js';

export interface SaveOptions {
  /** The version the writer edited. A save based on an older version is refused and kept as a conflict revision. */
  readonly version?: number;
  /** Saved by autosave, not by the Save button: it replaces the same person's autosave revision of a few minutes ago. */
  readonly autosave?: boolean;
}

/**
 * Replaces what a story says, keeping a revision. Its status and times stay; a moved story
 * purges both services' pages. On a published story the save is a pending version instead:
 * kept as a revision the story points at, unseen by readers until an editor puts it live
 * (see pending-version.ts). Returns the new version.
 */
export async function updateStory(
  deps: ActionDeps,
  actor: Actor,
  storyId: number,
  input: unknown,
  options: SaveOptions = {},
): Promise<number> {
  return saveStoryContent(deps, actor, storyId, parseStoryInput(input), options, 'save');
}

/** Shared by updateStory and restoreRevision: permission, concurrency check, save, revision, event. */
export async function saveStoryContent(
  deps: ActionDeps,
  actor: Actor,
  storyId: number,
  story: StoryInput,
  options: SaveOptions,
  kind: Exclude<RevisionKind, 'conflict'>,
): Promise<number> {
  const now = deps.clock.now();
  const userId = actorUserId(actor);
  const outcome = await deps.store.transaction(async (repos, emit) => {
    const existing = await requireStory(repos, storyId);
    requirePermission(actor, 'story.edit', { serviceCode: existing.serviceCode, authorId: existing.authorId, status: existing.status });
    if (story.serviceCode !== existing.serviceCode) requirePermission(actor, 'story.edit', { serviceCode: story.serviceCode });
    await checkStoryReferences(repos, story);
    // A live story's edits wait as a pending version: readers keep the published text.
    const pending = existing.status === 'published';
    // The version check is part of the write: a save that committed after `existing` was read
    // (another editor's, at the same moment) makes this one a conflict, not an overwrite.
    const fresh = options.version === undefined || options.version === existing.version;
    const version = !fresh
      ? undefined
      : pending
        ? await repos.stories.bumpVersion(storyId, options.version)
        : await repos.stories.update(storyId, story, now, options.version);
    if (version === undefined) {
      // Both versions are kept: the current one is the story, the stale one a conflict revision.
      await repos.revisions.insert({ storyId, version: options.version ?? existing.version, kind: 'conflict', content: story, userId }, now);
      return { conflict: (await repos.stories.currentVersion(storyId)) ?? existing.version } as const;
    }
    // Autosaves coalesce: the same person's autosave of the last few minutes is replaced, not added to.
    const autosave = kind === 'save' && options.autosave === true;
    const latest = autosave ? await repos.revisions.latest(storyId) : undefined;
    let revisionId: number;
    if (latest && replacesLatestRevision(latest, userId, now)) {
      await repos.revisions.replace(latest.id, { version, content: story }, now);
      revisionId = latest.id;
    } else revisionId = await repos.revisions.insert({ storyId, version, kind, content: story, userId, autosave }, now);
    const action = kind === 'save' ? 'story.edit' : 'story.restore';
    if (pending) {
      // A scheduled update keeps its time: the newest pending text goes live then.
      const before = await repos.stories.pendingOf(storyId);
      await repos.stories.setPending(storyId, revisionId, before?.applyAt ?? null);
      await repos.audit.record({ userId, action, subject: `story:${storyId}`, details: { pending: true } }, now);
      emit({ type: 'story.changed', storyId, serviceCode: existing.serviceCode });
      return { version } as const;
    }
    await repos.audit.record({ userId, action, subject: `story:${storyId}` }, now);
    emit({ type: 'story.changed', storyId, serviceCode: story.serviceCode });
    if (existing.serviceCode !== story.serviceCode) {
      emit({ type: 'story.changed', storyId, serviceCode: existing.serviceCode });
      await leaveTranslationGroup(repos, emit, storyId);
    }
    return { version } as const;
  });
  if ('conflict' in outcome) {
    throw conflict(
      'STORY_VERSION_CONFLICT',
      `this story was changed by someone else since you opened it (you edited version ${options.version}, it is now at version ${outcome.conflict}); your text was kept as a revision`,
      'version',
    );
  }
  return outcome.version;
}
