import { parseBody } from '../body/parse-body.js';
import { invalid } from '../shared/errors.js';
import { SERVICE_CODE } from '../shared/limits.js';
import { MEDIA_TEXT_LIMITS } from '../media/media-text.js';
import { optionalText, requireId, requireName, requireSlug, requireText, slugify } from '../shared/text.js';
import type { Body } from '../body/body.js';
import { STORY_STATUSES, type CommentsState, type Dateline, type NoteKind, type StoryStatus } from './story.js';

export const STORY_LIMITS = {
  headline: 300,
  deck: 600,
  place: 80,
  outlet: 80,
  byline: 120,
  bylines: 20,
  credits: 20,
  tags: 30,
  note: 2_000,
} as const;

/** The fields a person writes; everything else (ids, times, status) the system sets. */
export interface StoryInput {
  readonly serviceCode: string;
  readonly sectionId: number | null;
  readonly slug: string;
  readonly headline: string;
  readonly deck: string | null;
  readonly dateline: Dateline | null;
  readonly bylines: readonly string[];
  readonly credits: readonly string[];
  readonly body: Body;
  readonly leadMediaId: number | null;
  /**
   * This story's own caption and credit for its lead media (null: the media item's own). Optional
   * in the type so contents saved before they existed (old revisions) still read as "none".
   */
  readonly leadMediaCaption?: string | null;
  readonly leadMediaCredit?: string | null;
  readonly tagIds: readonly number[];
  readonly commentsState: CommentsState;
}

const FIELDS = [
  'serviceCode',
  'sectionId',
  'slug',
  'headline',
  'deck',
  'dateline',
  'bylines',
  'credits',
  'body',
  'leadMediaId',
  'leadMediaCaption',
  'leadMediaCredit',
  'tagIds',
  'commentsState',
] as const;

/** Checks a story as written (from the editor, an import or a fixture). Unknown fields are refused. */
export function parseStoryInput(input: unknown): StoryInput {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalid('STORY_INVALID', 'story must be an object');
  }
  const raw = input as Record<string, unknown>;
  const unknown = Object.keys(raw).find((key) => !(FIELDS as readonly string[]).includes(key));
  if (unknown) throw invalid('FIELD_UNKNOWN', `${unknown} is not a field of a story`, unknown);

  const headline = requireText(raw.headline, 'headline', STORY_LIMITS.headline);
  const slug = raw.slug === undefined || raw.slug === '' ? slugify(headline) : requireSlug(raw.slug, 'slug');
  return {
    serviceCode: requireText(raw.serviceCode, 'serviceCode', SERVICE_CODE.maxLength),
    sectionId: raw.sectionId === undefined || raw.sectionId === null ? null : requireId(raw.sectionId, 'sectionId'),
    slug,
    headline,
    deck: optionalText(raw.deck, 'deck', STORY_LIMITS.deck),
    dateline: parseDateline(raw.dateline),
    bylines: textList(raw.bylines, 'bylines', STORY_LIMITS.bylines, STORY_LIMITS.byline),
    credits: textList(raw.credits, 'credits', STORY_LIMITS.credits, STORY_LIMITS.byline),
    body: parseBody(raw.body ?? []),
    leadMediaId:
      raw.leadMediaId === undefined || raw.leadMediaId === null ? null : requireId(raw.leadMediaId, 'leadMediaId'),
    leadMediaCaption: overrideText(raw.leadMediaCaption, 'leadMediaCaption', MEDIA_TEXT_LIMITS.caption),
    leadMediaCredit: overrideText(raw.leadMediaCredit, 'leadMediaCredit', MEDIA_TEXT_LIMITS.credit),
    tagIds: idList(raw.tagIds, 'tagIds', STORY_LIMITS.tags),
    commentsState: parseCommentsState(raw.commentsState ?? 'open'),
  };
}

/** An override of a media item's text: blank (or only spaces) means "use the item's own". */
function overrideText(input: unknown, field: string, max: number): string | null {
  if (typeof input === 'string' && input.trim() === '') return null;
  if (typeof input === 'string' && input.trim().length > max) {
    const what = field === 'leadMediaCaption' ? 'the caption of the lead media' : 'the credit of the lead media';
    throw invalid('FIELD_TOO_LONG', `${what} must be at most ${max} characters (it has ${input.trim().length})`, field);
  }
  return optionalText(input, field, max);
}

function parseDateline(input: unknown): Dateline | null {
  if (input === undefined || input === null) return null;
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw invalid('FIELD_INVALID', 'dateline must have a place and an outlet', 'dateline');
  }
  const raw = input as Record<string, unknown>;
  const extra = Object.keys(raw).find((key) => key !== 'place' && key !== 'outlet');
  if (extra) throw invalid('FIELD_UNKNOWN', `dateline.${extra} is not a field of a dateline`, `dateline.${extra}`);
  return {
    place: requireName(raw.place, 'dateline.place', STORY_LIMITS.place),
    outlet: requireName(raw.outlet, 'dateline.outlet', STORY_LIMITS.outlet),
  };
}

export function parseCommentsState(input: unknown): CommentsState {
  if (input !== 'open' && input !== 'closed') {
    throw invalid('FIELD_INVALID', 'commentsState must be "open" or "closed"', 'commentsState');
  }
  return input;
}

export function parseStatus(input: unknown): StoryStatus {
  const status = STORY_STATUSES.find((s) => s === input);
  if (!status) throw invalid('FIELD_INVALID', `status must be one of ${STORY_STATUSES.join(', ')}`, 'status');
  return status;
}

export function parseNote(input: { kind: unknown; text: unknown }): { kind: NoteKind; text: string } {
  if (input.kind !== 'update' && input.kind !== 'correction') {
    throw invalid('FIELD_INVALID', 'note kind must be "update" or "correction"', 'kind');
  }
  return { kind: input.kind, text: requireText(input.text, 'text', STORY_LIMITS.note) };
}

function textList(input: unknown, field: string, maxItems: number, maxLength: number): string[] {
  if (input === undefined || input === null) return [];
  if (!Array.isArray(input)) throw invalid('FIELD_INVALID', `${field} must be a list`, field);
  if (input.length > maxItems) throw invalid('FIELD_TOO_LONG', `${field} must have at most ${maxItems} entries`, field);
  return input.map((item, index) => requireName(item, `${field}[${index}]`, maxLength));
}

function idList(input: unknown, field: string, maxItems: number): number[] {
  if (input === undefined || input === null) return [];
  if (!Array.isArray(input)) throw invalid('FIELD_INVALID', `${field} must be a list`, field);
  if (input.length > maxItems) throw invalid('FIELD_TOO_LONG', `${field} must have at most ${maxItems} entries`, field);
  return [...new Set(input.map((item, index) => requireId(item, `${field}[${index}]`)))];
}
