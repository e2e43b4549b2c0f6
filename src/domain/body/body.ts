/**
 * A story's body: a typed list of elements, never stored HTML. The newsroom editor
 * produces it, `parseBody` checks it on the way in, the views render it.
 */
export type Mark = 'bold' | 'italic';

export type Inline =
  | { readonly type: 'text'; readonly text: string; readonly marks?: readonly Mark[] }
  | { readonly type: 'link'; readonly text: string; readonly href: string; readonly marks?: readonly Mark[] }
  /** An inline link to a profile page, as "(see profile)" in the reference story. */
  | { readonly type: 'profile'; readonly text: string; readonly profileId: number };

export type BodyElement =
  | { readonly type: 'paragraph'; readonly content: readonly Inline[] }
  | { readonly type: 'subheading'; readonly text: string }
  | { readonly type: 'quote'; readonly content: readonly Inline[]; readonly attribution?: string }
  | { readonly type: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Inline[])[] }
  /** An embedded video, audio or image from the media library. */
  | { readonly type: 'media'; readonly mediaId: number }
  /** A card linking a person, organisation or place. */
  | { readonly type: 'profile'; readonly profileId: number }
  | { readonly type: 'related'; readonly storyId: number }
  /**
   * A table of text: every row has the same number of cells (a cell may be empty); the first
   * row and/or the first column may be header cells. Rendered as <table> with <th scope>.
   */
  | {
      readonly type: 'table';
      readonly caption?: string;
      readonly headerRow: boolean;
      readonly headerColumn: boolean;
      readonly rows: readonly (readonly TableCell[])[];
    }
  /** A post or video of another site, by its address (see embed-url.ts): loaded only when the reader asks. */
  | { readonly type: 'embed'; readonly provider: EmbedProvider; readonly url: string; readonly caption?: string }
  /** Photos shown together, in order; each caption (if any) replaces the media item's own. */
  | { readonly type: 'gallery'; readonly items: readonly GalleryItem[] };

export interface GalleryItem {
  readonly mediaId: number;
  readonly caption?: string;
}

/** A table cell's text runs; an empty list is an empty cell. */
export type TableCell = readonly Inline[];

export type EmbedProvider = 'youtube' | 'vimeo' | 'x' | 'telegram' | 'facebook' | 'instagram' | 'tiktok' | 'oembed';

export type Body = readonly BodyElement[];

export const BODY_LIMITS = {
  elements: 2_000,
  inlinesPerBlock: 500,
  listItems: 200,
  textLength: 20_000,
  hrefLength: 2_000,
  attributionLength: 300,
  subheadingLength: 300,
  captionLength: 300,
  tableColumns: 50,
  tableRows: 500,
  tableCells: 5_000,
  cellTextLength: 2_000,
  galleryItems: 50,
} as const;

/** Every profile, media item and story the body points at: checked to exist before saving. */
export function bodyReferences(body: Body): { profileIds: number[]; mediaIds: number[]; storyIds: number[] } {
  const profileIds = new Set<number>();
  const mediaIds = new Set<number>();
  const storyIds = new Set<number>();
  const visitInlines = (inlines: readonly Inline[]) => {
    for (const inline of inlines) if (inline.type === 'profile') profileIds.add(inline.profileId);
  };
  for (const element of body) {
    switch (element.type) {
      case 'paragraph':
      case 'quote':
        visitInlines(element.content);
        break;
      case 'table':
        for (const row of element.rows) row.forEach(visitInlines);
        break;
      case 'list':
        element.items.forEach(visitInlines);
        break;
      case 'media':
        mediaIds.add(element.mediaId);
        break;
      case 'gallery':
        for (const item of element.items) mediaIds.add(item.mediaId);
        break;
      case 'profile':
        profileIds.add(element.profileId);
        break;
      case 'related':
        storyIds.add(element.storyId);
        break;
      case 'subheading':
      case 'embed':
        break;
    }
  }
  return { profileIds: [...profileIds], mediaIds: [...mediaIds], storyIds: [...storyIds] };
}

/** The plain text of a body, for search, feeds' summaries and word counts. */
export function bodyText(body: Body): string {
  const inlineText = (inlines: readonly Inline[]) => inlines.map((inline) => inline.text).join('');
  const parts: string[] = [];
  for (const element of body) {
    if (element.type === 'paragraph') parts.push(inlineText(element.content));
    else if (element.type === 'quote') parts.push(inlineText(element.content));
    else if (element.type === 'subheading') parts.push(element.text);
    else if (element.type === 'list') parts.push(...element.items.map(inlineText));
    else if (element.type === 'table') {
      if (element.caption) parts.push(element.caption);
      for (const row of element.rows) parts.push(row.map(inlineText).join('\t'));
    } else if (element.type === 'embed' && element.caption) parts.push(element.caption);
  }
  return parts.join('\n');
}
