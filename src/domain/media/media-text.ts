import { optionalText, requireName } from '../shared/text.js';

/** The words people write about a media item, with their longest lengths. */
export const MEDIA_TEXT_LIMITS = { title: 300, caption: 2_000, credit: 200, altText: 1_000 } as const;

export interface MediaText {
  readonly title: string;
  readonly caption: string | null;
  readonly credit: string | null;
  readonly altText: string | null;
}

/** Title (required), caption, credit and alt text, trimmed and checked; names the field at fault. */
export function parseMediaText(input: { title: unknown; caption?: unknown; credit?: unknown; altText?: unknown }): MediaText {
  return {
    title: requireName(input.title, 'title', MEDIA_TEXT_LIMITS.title),
    caption: optionalText(input.caption, 'caption', MEDIA_TEXT_LIMITS.caption),
    credit: optionalText(input.credit, 'credit', MEDIA_TEXT_LIMITS.credit),
    altText: optionalText(input.altText, 'altText', MEDIA_TEXT_LIMITS.altText),
  };
}
