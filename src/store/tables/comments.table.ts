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
  id: Generated<number>;
  service_code: string;
  /** address, token or pseudonym. */
  kind: string;
  /** Salted hash of the address or browser token; for a pseudonym, its folded form. */
  hash: string;
  /** The name the person commented under when banned. */
  label: Generated<string>;
  comment_id: number | null;
  created_by: number | null;
  created_at: number;
  ends_at: number | null;
  lifted_at: number | null;
  lifted_by: number | null;
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
