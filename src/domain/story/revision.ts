import type { BodyElement, Inline } from '../body/body.js';
import { align, type AlignStep } from '../shared/align.js';
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
  /** Who saved it, as their name reads now (null: the system, or an account since removed). */
  readonly userName: string | null;
  /** Made by autosave: the same person's next autosave within a few minutes replaces it. */
  readonly autosave: boolean;
  readonly at: Date;
}

/** How long one person's autosaves keep replacing their last autosave revision. */
export const AUTOSAVE_COALESCE_MS = 5 * 60_000;

/**
 * Whether an autosave by `userId` at `now` replaces the story's latest revision rather than adding
 * one: only that person's own autosave, only within a few minutes, and only if nobody saved since
 * (an explicit save, a restore, a conflict or someone else's autosave always stays).
 */
export function replacesLatestRevision(
  latest: Pick<StoryRevision, 'kind' | 'userId' | 'autosave' | 'at'> | undefined,
  userId: number | null,
  now: Date,
): boolean {
  return (
    latest !== undefined &&
    latest.autosave &&
    latest.kind === 'save' &&
    userId !== null &&
    latest.userId === userId &&
    now.getTime() - latest.at.getTime() <= AUTOSAVE_COALESCE_MS
  );
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
  'leadMediaCaption',
  'leadMediaCredit',
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
  changes.push(...diffBodies(before.body, after.body));
  return changes;
}

/**
 * The body's changes, aligned: elements that stayed the same are matched wherever they moved to
 * (a longest common subsequence), so an inserted photo is one insertion, not every later element
 * "changed". Between two matched elements, what was removed and added is paired by element type
 * into "changed" (a reworded paragraph). Indexes count from the story they are in: the later one
 * for added and changed elements, the earlier one for removed ones.
 */
export function diffBodies(before: readonly BodyElement[], after: readonly BodyElement[]): RevisionChange[] {
  const key = (element: BodyElement) => JSON.stringify(element);
  const beforeKeys = before.map(key);
  const afterKeys = after.map(key);
  const steps = align(beforeKeys, afterKeys, (a, b) => a === b);
  const changes: RevisionChange[] = [];
  let gap: AlignStep[] = [];
  const closeGap = () => {
    if (gap.length === 0) return;
    const removed = gap.flatMap((step) => (step.op === 'removed' ? [step.before] : []));
    const added = gap.flatMap((step) => (step.op === 'added' ? [step.after] : []));
    gap = [];
    for (const step of align(removed, added, (a, b) => before[a]!.type === after[b]!.type)) {
      if (step.op === 'same') {
        const [a, b] = [before[removed[step.before]!]!, after[added[step.after]!]!];
        changes.push({ kind: 'element', index: added[step.after]!, change: 'changed', before: describeElement(a), after: describeElement(b) });
      } else if (step.op === 'removed') {
        changes.push({ kind: 'element', index: removed[step.before]!, change: 'removed', before: describeElement(before[removed[step.before]!]!), after: null });
      } else {
        changes.push({ kind: 'element', index: added[step.after]!, change: 'added', before: null, after: describeElement(after[added[step.after]!]!) });
      }
    }
  };
  for (const step of steps) {
    if (step.op === 'same') closeGap();
    else gap.push(step);
  }
  closeGap();
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
