import { notFound } from '../../domain/shared/errors.js';
import { parseStoryInput } from '../../domain/story/parse-story.js';
import type { Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { saveStoryContent, type SaveOptions } from './update-story.js';

/** Brings back an old revision's content as a new save (the history is kept, never rewritten). */
export async function restoreRevision(
  deps: ActionDeps,
  actor: Actor,
  storyId: number,
  revisionId: number,
  options: SaveOptions = {},
): Promise<number> {
  const revision = await deps.store.read.revisions.find(storyId, revisionId);
  if (!revision) throw notFound('REVISION_NOT_FOUND', `revision ${revisionId} is not a revision of story ${storyId}`);
  // Checked again: what was valid then (a media item, a profile) may be gone now.
  return saveStoryContent(deps, actor, storyId, parseStoryInput(revision.content), options, 'restore');
}
