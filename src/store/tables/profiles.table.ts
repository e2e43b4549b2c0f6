import type { Generated } from 'kysely';

export interface ProfilesTable {
  id: Generated<number>;
  kind: string;
  slug: string;
  name: string;
  summary: string | null;
  created_at: number;
  modified_at: number;
}
