import type { BodyElement, Inline } from '../body/body.js';
import type { StoryInput } from './parse-story.js';

/** save: an accepted save; conflict: a stale save, kept but not applied; restore: a save that brought back an old revision. */
export type RevisionKind = 'save' | 'conflict' | 'restore';

export interface StoryRevision {
  readonly id: number;
  readonly storyId: number;
  /** The story version this content became (save, restore) or was based on (conflict). */
  readonly version: number;
  readonly kind: RevisionKind;
  readonly content: StoryInput;
  readonly userId: number | null;
  readonly at: Date;
}

/** One difference between two revisions, readable as "headline: A -> B" or "body[3] changed". */
export type RevisionChange =
  | { readonly kind: 'field'; readonly field: string; readonly before: string; readonly after: string }
  | {
      readonly kind: 'element';
      readonly index: number;
      readonly change: 'added' | 'removed' | 'changed';
      readonly before: string | null;
      readonly after: string | null;
    };

const FIELDS: readonly (keyof StoryInput)[] = [
  'serviceCode',
  'sectionId',
  'slug',
  'headline',
  'deck',
  'dateline',
  'bylines',
  'credits',
  'leadMediaId',
  'tagIds',
  'commentsState',
];

/** What changed from `before` to `after`, field by field and body element by element. */
export function diffRevisions(before: StoryInput, after: StoryInput): RevisionChange[] {
  const changes: RevisionChange[] = [];
  for (const field of FIELDS) {
    const a = describeValue(before[field]);
    const b = describeValue(after[field]);
    if (a !== b) changes.push({ kind: 'field', field, before: a, after: b });
  }
  const length = Math.max(before.body.length, after.body.length);
  for (let index = 0; index < length; index++) {
    const a = before.body[index];
    const b = after.body[index];
    if (a && !b) changes.push({ kind: 'element', index, change: 'removed', before: describeElement(a), after: null });
    else if (!a && b) changes.push({ kind: 'element', index, change: 'added', before: null, after: describeElement(b) });
    else if (a && b && JSON.stringify(a) !== JSON.stringify(b)) {
      changes.push({ kind: 'element', index, change: 'changed', before: describeElement(a), after: describeElement(b) });
    }
  }
  return changes;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).join(' / ');
  return String(value);
}

/** An element as a person reads it in a diff: its kind and its text. */
export function describeElement(element: BodyElement): string {
  const text = (inlines: readonly Inline[]) => inlines.map((inline) => inline.text).join('');
  switch (element.type) {
    case 'paragraph':
      return `paragraph: ${text(element.content)}`;
    case 'subheading':
      return `subheading: ${element.text}`;
    case 'quote':
      return `quote: ${text(element.content)}${element.attribution ? ` (${element.attribution})` : ''}`;
    case 'list':
      return `list: ${element.items.map(text).join(' | ')}`;
    case 'media':
      return `media: ${element.mediaId}`;
    case 'profile':
      return `profile: ${element.profileId}`;
    case 'related':
      return `related story: ${element.storyId}`;
    case 'table':
      return `table${element.caption ? ` (${element.caption})` : ''}: ${element.rows.map((row) => row.map(text).join(' | ')).join(' / ')}`;
    case 'embed':
      return `embed: ${element.url}${element.caption ? ` (${element.caption})` : ''}`;
    case 'gallery':
      return `gallery: ${element.items.map((item) => `${item.mediaId}${item.caption ? ` (${item.caption})` : ''}`).join(', ')}`;
  }
}
