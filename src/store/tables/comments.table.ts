import type { Generated } from 'kysely';

export interface CommentsTable {
  id: Generated<number>;
  story_id: number;
  parent_id: number | null;
  author_name: string;
  body: string;
  state: string;
  created_at: number;
}
