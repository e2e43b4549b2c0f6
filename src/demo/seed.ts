import type { ActionDeps } from '../actions/deps.js';
import { requireStory } from '../actions/stories/check-story-references.js';
import type { CommentState } from '../domain/comment/comment.js';
import { parseMediaText } from '../domain/media/media-text.js';
import type { MediaItem, MediaKind, MediaState, Rendition } from '../domain/media/media.js';
import type { Tag } from '../domain/service/service.js';
import { invalid, notFound } from '../domain/shared/errors.js';
import { requireName, requireSlug, requireText } from '../domain/shared/text.js';

// Records written as they are, with no actor: no permission check and no audit entry. They load
// the demo content (and set up tests); what people do goes through src/actions.

/**
 * Stores a comment with its state, keeping the story's count in step. Readers' posting,
 * with its spam defences and moderation, is built on this in the comments capability.
 */
export async function storeComment(
  deps: ActionDeps,
  input: { storyId: number; parentId?: number | null; authorName: unknown; body: unknown; state: CommentState; at?: Date },
): Promise<number> {
  const authorName = requireText(input.authorName, 'authorName', 80);
  const body = requireText(input.body, 'body', 5_000);
  const createdAt = input.at ?? deps.clock.now();
  return deps.store.transaction(async (repos, emit) => {
    const story = await requireStory(repos, input.storyId);
    if (input.parentId) {
      const parent = await repos.comments.findById(input.parentId);
      if (!parent || parent.storyId !== story.id) {
        throw invalid('COMMENT_PARENT_INVALID', 'the comment answered is not a comment on this story', 'parentId');
      }
    }
    const comment = await repos.comments.insert({
      storyId: story.id,
      parentId: input.parentId ?? null,
      authorName,
      body,
      state: input.state,
      createdAt,
    });
    emit({ type: 'comments.changed', storyId: story.id, serviceCode: story.serviceCode });
    return comment.id;
  });
}

/**
 * Records a media item and the renditions that already exist for it. Uploads and
 * transcoding (the media capability) produce their renditions through the same repository.
 */
export async function registerMedia(
  deps: ActionDeps,
  input: {
    kind: MediaKind;
    title: unknown;
    caption?: unknown;
    credit?: unknown;
    altText?: unknown;
    durationMs: number | null;
    state: MediaState;
    renditions: readonly Rendition[];
  },
): Promise<MediaItem> {
  if (input.state === 'ready' && input.renditions.length === 0) {
    throw invalid('MEDIA_NOT_READY', 'a media item is ready only with at least one rendition', 'renditions');
  }
  if (input.durationMs !== null && (!Number.isInteger(input.durationMs) || input.durationMs < 0)) {
    throw invalid('FIELD_INVALID', 'durationMs must be a whole number of milliseconds', 'durationMs');
  }
  const item = {
    kind: input.kind,
    ...parseMediaText(input),
    durationMs: input.durationMs,
    state: input.state,
    failureReason: null,
    renditions: input.renditions,
  };
  return deps.store.transaction(async (repos, emit) => {
    const saved = await repos.media.insert(item, deps.clock.now());
    emit({ type: 'media.changed', mediaId: saved.id });
    return saved;
  });
}

/** A topic of a service. */
export async function createTag(deps: ActionDeps, input: { serviceCode: string; slug: unknown; name: unknown }): Promise<Tag> {
  const slug = requireSlug(input.slug, 'slug');
  const name = requireName(input.name, 'name', 80);
  return deps.store.transaction(async (repos) => {
    if (!(await repos.services.find(input.serviceCode))) {
      throw notFound('SERVICE_NOT_FOUND', `there is no service "${input.serviceCode}"`, 'serviceCode');
    }
    if (await repos.services.findTag(input.serviceCode, slug)) {
      throw invalid('TAG_EXISTS', `topic "${slug}" already exists in this service`, 'slug');
    }
    return repos.services.insertTag({ serviceCode: input.serviceCode, slug, name });
  });
}
