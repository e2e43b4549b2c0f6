import type { Generated } from 'kysely';

export interface CommentsTable {
  id: Generated<number>;
  story_id: number;
  parent_id: number | null;
  root_id: number | null;
  author_name: string;
  body: string;
  state: string;
  created_at: number;
  /** Salted hash of the poster's network address: for rate limits and bans, never the address. */
  address_hash: string | null;
  /** Salted hash of the poster's browser token: for editing one's own comment and bans. */
  token_hash: string | null;
  edited_at: number | null;
  deleted_at: number | null;
  report_count: Generated<number>;
}

export interface CommentSettingsTable {
  service_code: string;
  moderation: string;
  auto_close_days: number | null;
  max_links: number;
  banned_words_json: string;
}

export interface CommentBansTable {
  service_code: string;
  kind: string;
  hash: string;
  created_at: number;
}

export interface CommentReportsTable {
  comment_id: number;
  reporter_hash: string;
  created_at: number;
}

export interface UsedChallengesTable {
  signature: string;
  expires_at: number;
}
