import type { Generated } from 'kysely';

export interface ServicesTable {
  code: string;
  name: string;
  locale: string;
  direction: string;
  outlet: string;
  position: number;
  /** The service's time zone (IANA name), shown beside each person's own. */
  time_zone: Generated<string>;
  /** What the service says about itself and how to reach it: '' until an editor writes it. */
  about: Generated<string>;
  contact_email: Generated<string>;
  contact_postal: Generated<string>;
  contact_phone: Generated<string>;
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
