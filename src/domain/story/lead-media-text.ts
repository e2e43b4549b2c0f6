import type { MediaItem } from '../media/media.js';
import type { Story } from './story.js';

/**
 * The caption and credit a story shows under its lead media: the story's own where it gave one,
 * otherwise the media item's (each field on its own: a story may re-word the caption and keep the
 * photographer's credit).
 */
export function leadMediaText(
  story: Pick<Story, 'leadMediaCaption' | 'leadMediaCredit'>,
  item: Pick<MediaItem, 'caption' | 'credit'> | undefined,
): { caption: string | null; credit: string | null } {
  return { caption: story.leadMediaCaption ?? item?.caption ?? null, credit: story.leadMediaCredit ?? item?.credit ?? null };
}
