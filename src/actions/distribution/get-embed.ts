import type { MediaItem } from '../../domain/media/media.js';
import { notFound } from '../../domain/shared/errors.js';
import type { LanguageService } from '../../domain/service/service.js';
import { leadMediaText } from '../../domain/story/lead-media-text.js';
import { isVisibleToReaders } from '../../domain/story/story.js';
import type { ActionDeps } from '../deps.js';
import { cacheKey } from '../reader/page-result.js';

export interface EmbedData {
  readonly media: MediaItem;
  /** The story that shows it (its page is linked from the player). */
  readonly story: { readonly id: number; readonly serviceCode: string; readonly slug: string; readonly headline: string };
  readonly service: LanguageService;
  readonly cacheKeys: readonly string[];
}

/** A media item for its embeddable player: only one a published story shows; anything else is not found. */
export async function getEmbed(deps: Pick<ActionDeps, 'store' | 'clock'>, mediaId: number): Promise<EmbedData> {
  const repos = deps.store.read;
  const [media] = await repos.media.findByIds([mediaId]);
  const story = media && media.kind !== 'image' ? await repos.stories.findStoryShowingMedia(mediaId, deps.clock.now()) : undefined;
  const service = story ? await repos.services.find(story.serviceCode) : undefined;
  if (!media || !story || !service) throw notFound('MEDIA_NOT_FOUND', 'There is no player at this address', { context: { mediaId } });
  // The story's own caption and credit for its lead media show in the player too.
  const shown = story.leadMediaId === media.id ? { ...media, ...leadMediaText(story, media) } : media;
  return {
    media: shown,
    story: { id: story.id, serviceCode: story.serviceCode, slug: story.slug, headline: story.headline },
    service,
    cacheKeys: [cacheKey.media(mediaId), cacheKey.story(story.id)],
  };
}

/** What oEmbed takes from a story's address: its headline and lead media, for a story readers can see; anything else is not found. */
export async function getEmbedStory(deps: Pick<ActionDeps, 'store' | 'clock'>, storyId: number): Promise<{ readonly headline: string; readonly leadMediaId: number | null }> {
  const story = await deps.store.read.stories.findById(storyId);
  if (!story || !isVisibleToReaders(story, deps.clock.now())) throw notFound('STORY_NOT_FOUND', `there is no story ${storyId}`);
  return { headline: story.headline, leadMediaId: story.leadMediaId };
}
