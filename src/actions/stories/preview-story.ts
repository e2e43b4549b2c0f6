import { parseStoryInput } from '../../domain/story/parse-story.js';
import { requirePermission } from '../../domain/user/permissions.js';
import type { Actor } from '../../domain/user/user.js';
import type { ActionDeps } from '../deps.js';
import { shapeStoryPage } from '../reader/get-story-page.js';
import { checkStoryReferences, requireStory } from './check-story-references.js';
import { findPending } from './pending-version.js';

/**
 * The reader story page of a story as it stands, or as the editor's unsaved `input` would make
 * it, whatever its status: the newsroom's preview. Reading it needs `story.read` on the story
 * (and on the service the unsaved text would move it to); nothing is saved.
 */
export async function previewStory(deps: ActionDeps, actor: Actor, storyId: number, input?: unknown) {
  const now = deps.clock.now();
  const repos = deps.store.read;
  const existing = await requireStory(repos, storyId);
  requirePermission(actor, 'story.read', { serviceCode: existing.serviceCode });
  // A live story's saved preview is its pending version: what Update would put live.
  const pending = input === undefined ? await findPending(repos, storyId) : undefined;
  let story = pending ? { ...existing, ...pending.content } : existing;
  if (input !== undefined) {
    const written = parseStoryInput(input);
    requirePermission(actor, 'story.read', { serviceCode: written.serviceCode });
    await checkStoryReferences(repos, written);
    story = { ...existing, ...written };
  }
  return shapeStoryPage(deps, { ...story, publishedAt: story.publishedAt ?? now }, now);
}
