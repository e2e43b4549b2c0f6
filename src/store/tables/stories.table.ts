import type { ColumnType, Generated } from 'kysely';

/** Times are milliseconds since the epoch in both databases; JSON columns are text. */
export interface StoriesTable {
  id: Generated<number>;
  service_code: string;
  section_id: number | null;
  slug: string;
  headline: string;
  deck: string | null;
  dateline_place: string | null;
  dateline_outlet: string | null;
  bylines_json: string;
  credits_json: string;
  body_json: string;
  lead_media_id: number | null;
  lead_media_caption: string | null;
  lead_media_credit: string | null;
  status: string;
  published_at: number | null;
  updated_at: number | null;
  comments_state: string;
  /** Visible comments, kept in step in the same transaction as every comment change. */
  comment_count: Generated<number>;
  created_at: number;
  modified_at: number;
  /** The user who created the story; null for the system (demo, import). */
  author_id: number | null;
  /** Incremented on every content save; a save must name the version it edited. */
  version: Generated<number>;
  /** A live story's unpublished changes: the revision they are (null: none). */
  pending_revision_id: number | null;
  /** When the pending changes go live by themselves (null: when an editor presses Update). */
  pending_apply_at: number | null;
  /** When an editor turned the story live (it takes entries); null otherwise. */
  live_since: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface StoryTagsTable {
  story_id: number;
  tag_id: number;
}

/** Profiles a story's body links to: derived from the body on every save. */
export interface StoryProfilesTable {
  story_id: number;
  profile_id: number;
}

export interface StoryNotesTable {
  id: Generated<number>;
  story_id: number;
  kind: string;
  text: string;
  created_at: number;
}

/** Every save of a story's content, kept for diff and restore; conflicting saves too. */
export interface StoryRevisionsTable {
  id: Generated<number>;
  story_id: number;
  version: number;
  kind: string;
  content_json: string;
  user_id: number | null;
  created_at: number;
  /** 1: made by autosave (replaced by the same person's next autosave within minutes); 0: an explicit save. */
  autosave: Generated<number>;
}
