import type { Generated } from 'kysely';

export interface MediaItemsTable {
  id: Generated<number>;
  kind: string;
  title: string;
  caption: string | null;
  credit: string | null;
  alt_text: string | null;
  /** The focal point (0..1 each), or null for both: the centre. */
  focal_x: number | null;
  focal_y: number | null;
  duration_ms: number | null;
  state: string;
  failure_reason: string | null;
  created_at: number;
  modified_at: number;
}

export interface MediaRenditionsTable {
  id: Generated<number>;
  media_id: number;
  kind: string;
  mime_type: string;
  path: string;
  width: number | null;
  height: number | null;
  size_bytes: number;
  label: string;
}

export interface MediaCaptionsTable {
  id: Generated<number>;
  media_id: number;
  language: string;
  label: string;
  path: string;
  size_bytes: number;
  created_at: number;
}
