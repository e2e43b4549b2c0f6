import type { Kysely, Selectable } from 'kysely';
import type { ContentApiKey } from '../../domain/distribution/content-api-key.js';
import type { Database } from '../database.js';
import type { ContentApiKeysTable } from '../tables/distribution.table.js';

export class ContentApiKeyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(key: { name: string; hash: string; prefix: string; requestsPerMinute: number; createdBy: number | null }, now: Date): Promise<ContentApiKey> {
    const row = await this.db
      .insertInto('content_api_keys')
      .values({
        name: key.name,
        key_hash: key.hash,
        key_prefix: key.prefix,
        requests_per_minute: key.requestsPerMinute,
        created_by: key.createdBy,
        created_at: now.getTime(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toKey(row);
  }

  /** A key that is not revoked, by the hash of what the client sent. */
  async findActiveByHash(hash: string): Promise<ContentApiKey | undefined> {
    const row = await this.db.selectFrom('content_api_keys').selectAll().where('key_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst();
    return row && toKey(row);
  }

  async findById(id: number): Promise<ContentApiKey | undefined> {
    const row = await this.db.selectFrom('content_api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toKey(row);
  }

  async list(limit: number): Promise<ContentApiKey[]> {
    const rows = await this.db.selectFrom('content_api_keys').selectAll().orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toKey);
  }

  async revoke(id: number, now: Date): Promise<void> {
    await this.db.updateTable('content_api_keys').set({ revoked_at: now.getTime() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  }
}

function toKey(row: Selectable<ContentApiKeysTable>): ContentApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.key_prefix,
    requestsPerMinute: row.requests_per_minute,
    createdAt: new Date(Number(row.created_at)),
    revokedAt: row.revoked_at === null ? null : new Date(Number(row.revoked_at)),
  };
}
