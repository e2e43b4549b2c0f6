import type { Generated } from 'kysely';

export interface ProfilesTable {
  id: Generated<number>;
  kind: string;
  slug: string;
  name: string;
  summary: string | null;
  service_code: string | null;
  created_at: number;
  modified_at: number;
}

/** Every prefix of every word of a profile's name, lower-cased: the search-as-you-type index. */
export interface ProfileNamePrefixesTable {
  prefix: string;
  profile_id: number;
}
