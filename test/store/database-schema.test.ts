import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { migrateToLatest, openDatabase, storeLocation } from '../../src/store/open-store.js';
import { POSTGRES_URL, runSchemaPrefix } from '../support/databases.js';

describe('DATABASE_SCHEMA on PostgreSQL', () => {
  it('creates the schema when missing and keeps every table in it', async () => {
    // Named like the run's test schemas, so it is dropped with them.
    const schema = `${runSchemaPrefix()}${randomBytes(6).toString('hex')}`;
    const config = loadConfig({ DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: schema });
    const location = storeLocation(config.database);
    expect(location).toEqual({ schema });
    const db = openDatabase(config.database, location);
    try {
      await migrateToLatest(db, 'postgres', location);
      // Twice: a second start finds the schema and its migrations done.
      await migrateToLatest(db, 'postgres', location);
      const { rows } = await sql<{ table_schema: string }>`select distinct table_schema from information_schema.tables where table_name = 'stories' and table_schema = ${schema}`.execute(db);
      expect(rows).toEqual([{ table_schema: schema }]);
    } finally {
      await db.destroy();
    }
  });
});
