import type { Kysely } from 'kysely';
import type { Profile, ProfileKind } from '../../domain/profile/profile.js';
import type { Database } from '../database.js';

export class ProfileRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(profile: Omit<Profile, 'id'>, now: Date): Promise<Profile> {
    const { id } = await this.db
      .insertInto('profiles')
      .values({
        kind: profile.kind,
        slug: profile.slug,
        name: profile.name,
        summary: profile.summary,
        created_at: now.getTime(),
        modified_at: now.getTime(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ...profile, id };
  }

  async findById(id: number): Promise<Profile | undefined> {
    const row = await this.db.selectFrom('profiles').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toProfile(row);
  }

  async findByIds(ids: readonly number[]): Promise<Profile[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('profiles').selectAll().where('id', 'in', ids).execute();
    return rows.map(toProfile);
  }
}

function toProfile(row: { id: number; kind: string; slug: string; name: string; summary: string | null }): Profile {
  return { id: row.id, kind: row.kind as ProfileKind, slug: row.slug, name: row.name, summary: row.summary };
}
