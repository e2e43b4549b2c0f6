import { Migrator, type Kysely } from 'kysely';
import type { DatabaseConfig } from '../config.js';
import type { Database } from './database.js';
import { openPostgres } from './dialect/postgres.js';
import { openSqlite } from './dialect/sqlite.js';
import { migrationProvider } from './migrations/index.js';

export function openDatabase(config: DatabaseConfig, options: { schema?: string } = {}): Kysely<Database> {
  return config.kind === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url, options);
}

/**
 * On PostgreSQL the migration tables live in the store's own schema: Kysely looks for them
 * across every schema it can see, so without this a second install (or test) in the same
 * database would find another schema's tables and skip creating its own.
 */
export function migrator(db: Kysely<Database>, options: { schema?: string } = {}): Migrator {
  return new Migrator({ db, provider: migrationProvider, ...(options.schema ? { migrationTableSchema: options.schema } : {}) });
}

/** Brings the schema to the newest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>, options: { schema?: string } = {}): Promise<void> {
  const { error, results } = await migrator(db, options).migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(error)}`, { cause: error });
  }
}
