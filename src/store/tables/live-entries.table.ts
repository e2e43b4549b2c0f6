import type { Generated } from 'kysely';

/** A live story's entries; body is the JSON of a parsed Body; flags are 0 or 1. */
export interface LiveEntriesTable {
  id: Generated<number>;
  story_id: number;
  body: string;
  pinned: number;
  key_event: number;
  version: Generated<number>;
  author_id: number | null;
  created_at: number;
  modified_at: number;
  deleted_at: number | null;
}

export interface LiveEntryRevisionsTable {
  id: Generated<number>;
  entry_id: number;
  version: number;
  kind: string;
  body: string;
  pinned: number;
  key_event: number;
  user_id: number | null;
  at: number;
}
