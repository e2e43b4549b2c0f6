import type { Body } from '../body/body.js';
import { parseBody } from '../body/parse-body.js';
import { invalid } from '../shared/errors.js';

/** One timestamped entry of a live story: a body like a story's, optionally pinned or a key event. */
export interface LiveEntry {
  readonly id: number;
  readonly storyId: number;
  readonly body: Body;
  readonly pinned: boolean;
  readonly keyEvent: boolean;
  /** Goes up by one on every edit: an edit names the version it changed. */
  readonly version: number;
  readonly authorId: number | null;
  readonly createdAt: Date;
  readonly modifiedAt: Date;
}

export interface LiveEntryInput {
  readonly body: Body;
  readonly pinned: boolean;
  readonly keyEvent: boolean;
}

export type LiveEntryRevisionKind = 'post' | 'edit' | 'delete';

export interface LiveEntryRevision extends LiveEntryInput {
  readonly entryId: number;
  readonly version: number;
  readonly kind: LiveEntryRevisionKind;
  readonly userId: number | null;
  readonly at: Date;
}

/** Entries are short: a body of at most this many elements. */
export const LIVE_ENTRY_MAX_ELEMENTS = 50;
/** Entries per page of a live story. */
export const LIVE_ENTRIES_PER_PAGE = 20;
/** Key events listed at the top of a live story. */
export const KEY_EVENTS_LISTED = 20;

export function parseLiveEntryInput(input: { body: unknown; pinned?: unknown; keyEvent?: unknown }): LiveEntryInput {
  const body = parseBody(input.body);
  if (body.length === 0) throw invalid('FIELD_REQUIRED', 'an entry needs a body', 'body');
  if (body.length > LIVE_ENTRY_MAX_ELEMENTS) throw invalid('FIELD_TOO_LONG', `an entry has at most ${LIVE_ENTRY_MAX_ELEMENTS} elements`, 'body');
  const flag = (value: unknown, field: string) => {
    if (value === undefined) return false;
    if (typeof value !== 'boolean') throw invalid('FIELD_INVALID', `${field} must be true or false`, field);
    return value;
  };
  return { body, pinned: flag(input.pinned, 'pinned'), keyEvent: flag(input.keyEvent, 'keyEvent') };
}
