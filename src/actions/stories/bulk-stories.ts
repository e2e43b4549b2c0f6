import { DomainError } from '../../domain/shared/errors.js';
import { requireDeletable, requireTransition } from '../../domain/story/workflow.js';
import { can, type Permission } from '../../domain/user/permissions.js';
import type { Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { requireStory } from './check-story-references.js';
import { deleteStory } from './delete-story.js';
import { fileStory } from './file-story.js';
import { unpublishStory } from './unpublish-story.js';

export const BULK_ACTIONS = ['file', 'unpublish', 'delete'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** At most this many stories in one bulk action (a page of the list). */
export const BULK_LIMIT = 100;

export const BULK_PERMISSION: Readonly<Record<BulkAction, Permission>> = { file: 'story.file', unpublish: 'story.unpublish', delete: 'story.delete' };
const RUN: Readonly<Record<BulkAction, (deps: ActionDeps, actor: Actor, id: number) => Promise<unknown>>> = {
  file: fileStory,
  unpublish: unpublishStory,
  delete: deleteStory,
};

/**
 * One action on several stories of the list. Every story is checked first (permission, then
 * state): if any would be refused, none is touched and the error names those refused. Then each
 * story goes through its own action, as if done one by one. Returns how many were done.
 */
export async function bulkStories(deps: ActionDeps, actor: Actor, action: BulkAction, storyIds: readonly number[]): Promise<number> {
  const ids = [...new Set(storyIds)];
  if (ids.length === 0) throw new DomainError('BULK_NOTHING_CHOSEN', 'choose at least one story', 'ids');
  if (ids.length > BULK_LIMIT) throw new DomainError('BULK_TOO_MANY', `choose at most ${BULK_LIMIT} stories at once`, 'ids');
  const stories = await Promise.all(ids.map((id) => requireStory(deps.store.read, id)));
  const notAllowed = stories.filter(
    (story) => !can(actor, BULK_PERMISSION[action], { serviceCode: story.serviceCode, authorId: story.authorId, status: story.status }),
  );
  if (notAllowed.length > 0) {
    throw new DomainError('FORBIDDEN', `you may not do this to: ${headlines(notAllowed)}`, { context: { permission: BULK_PERMISSION[action] } });
  }
  const wrongState = stories.filter((story) => {
    try {
      if (action === 'delete') requireDeletable(story);
      else requireTransition(action, story.status);
      return false;
    } catch {
      return true;
    }
  });
  if (wrongState.length > 0) {
    throw new DomainError(
      action === 'delete' ? 'STORY_NOT_DELETABLE' : 'STORY_STATE_INVALID',
      `${action === 'delete' ? 'only drafts never published can be deleted' : 'not in a state that allows this'}: ${headlines(wrongState)}`,
      'ids',
    );
  }
  for (const id of ids) await RUN[action](deps, actor, id);
  return ids.length;
}

const headlines = (stories: readonly { headline: string }[]) => stories.map((story) => `“${story.headline}”`).join(', ');
