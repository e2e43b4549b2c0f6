import { Migrator, type Kysely } from 'kysely';
import type { DatabaseConfig } from '../config.js';
import type { Database } from './database.js';
import { openPostgres } from './dialect/postgres.js';
import { openSqlite } from './dialect/sqlite.js';
import { migrationProvider } from './migrations/index.js';

export function openDatabase(config: DatabaseConfig, options: { schema?: string } = {}): Kysely<Database> {
  return config.kind === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url, options);
}

export function migrator(db: Kysely<Database>): Migrator {
  return new Migrator({ db, provider: migrationProvider });
}

/** Brings the schema to the newest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(error)}`, { cause: error });
  }
}
