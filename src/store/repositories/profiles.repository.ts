import type { Kysely, Selectable } from 'kysely';
import type { Profile, ProfileKind } from '../../domain/profile/profile.js';
import { profileNamePrefixes } from '../../domain/profile/profile-search.js';
import type { Database } from '../database.js';
import { lockedRows } from '../dialect/row-locks.js';
import { SearchRepository } from './search.repository.js';

export interface ProfileSearch {
  /** Each term must start some word of the name (see profileSearchTerms); none: every profile. */
  readonly terms: readonly string[];
  /** Profiles of this service and shared ones; absent: all. */
  readonly serviceCode?: string;
  readonly limit: number;
  readonly offset?: number;
}

export class ProfileRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(profile: Omit<Profile, 'id'>, now: Date): Promise<Profile> {
    const { id } = await this.db
      .insertInto('profiles')
      .values({ ...profileColumns(profile), created_at: now.getTime(), modified_at: now.getTime() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.indexName(id, profile.name);
    return { ...profile, id };
  }

  async update(profile: Profile, now: Date): Promise<void> {
    await this.db
      .updateTable('profiles')
      .set({ ...profileColumns(profile), modified_at: now.getTime() })
      .where('id', '=', profile.id)
      .execute();
    await this.db.deleteFrom('profile_name_prefixes').where('profile_id', '=', profile.id).execute();
    await this.indexName(profile.id, profile.name);
    await new SearchRepository(this.db).reindexStoriesWithProfile(profile.id);
  }

  /** Inside a transaction: holds the profile until it ends, for an edit that keeps the fields it was not given. */
  async lockForEdit(id: number): Promise<void> {
    await lockedRows(this.db, this.db.selectFrom('profiles').select('id').where('id', '=', id)).execute();
  }

  async findById(id: number): Promise<Profile | undefined> {
    const row = await this.db.selectFrom('profiles').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toProfile(row);
  }

  /** People whose name is exactly one of `names`: the service's own first, then shared ones. */
  async findPeopleNamed(names: readonly string[], serviceCode: string): Promise<Profile[]> {
    if (names.length === 0) return [];
    const rows = await this.db
      .selectFrom('profiles')
      .selectAll()
      .where('kind', '=', 'person')
      .where('name', 'in', names)
      .where((eb) => eb.or([eb('service_code', '=', serviceCode), eb('service_code', 'is', null)]))
      .orderBy('id')
      .execute();
    const byName = new Map<string, Profile>();
    for (const row of rows) {
      const profile = toProfile(row);
      const known = byName.get(profile.name);
      if (!known || (known.serviceCode === null && profile.serviceCode !== null)) byName.set(profile.name, profile);
    }
    return [...byName.values()];
  }

  async findByIds(ids: readonly number[]): Promise<Profile[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('profiles').selectAll().where('id', 'in', ids).execute();
    return rows.map(toProfile);
  }

  /**
   * One query: the matching profiles in name order, each row carrying the total count of
   * matches (a window count), every term an equality lookup on the prefix index.
   */
  async search(search: ProfileSearch): Promise<{ items: Profile[]; total: number }> {
    let query = this.db
      .selectFrom('profiles')
      .selectAll('profiles')
      .select((eb) => eb.fn.countAll<number>().over().as('total'))
      .orderBy('name')
      .orderBy('id')
      .limit(search.limit)
      .offset(search.offset ?? 0);
    for (const term of search.terms) {
      query = query.where('id', 'in', (eb) =>
        eb.selectFrom('profile_name_prefixes').select('profile_id').where('prefix', '=', term),
      );
    }
    if (search.serviceCode !== undefined) {
      const serviceCode = search.serviceCode;
      query = query.where((eb) => eb.or([eb('service_code', '=', serviceCode), eb('service_code', 'is', null)]));
    }
    const rows = await query.execute();
    return { items: rows.map(toProfile), total: Number(rows[0]?.total ?? 0) };
  }

  private async indexName(profileId: number, name: string): Promise<void> {
    const rows = profileNamePrefixes(name).map((prefix) => ({ prefix, profile_id: profileId }));
    if (rows.length) await this.db.insertInto('profile_name_prefixes').values(rows).execute();
  }
}

function profileColumns(profile: Omit<Profile, 'id'>) {
  return { kind: profile.kind, slug: profile.slug, name: profile.name, summary: profile.summary, service_code: profile.serviceCode };
}

function toProfile(row: Selectable<Database['profiles']>): Profile {
  return {
    id: row.id,
    kind: row.kind as ProfileKind,
    slug: row.slug,
    name: row.name,
    summary: row.summary,
    serviceCode: row.service_code,
  };
}
