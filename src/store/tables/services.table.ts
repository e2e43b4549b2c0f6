import type { Generated } from 'kysely';

export interface ServicesTable {
  code: string;
  name: string;
  locale: string;
  direction: string;
  outlet: string;
  position: number;
}

export interface SectionsTable {
  id: Generated<number>;
  service_code: string;
  slug: string;
  name: string;
  position: number;
  /** 1: an audio section published as a podcast. */
  podcast: Generated<number>;
}

export interface TagsTable {
  id: Generated<number>;
  service_code: string;
  slug: string;
  name: string;
}
