import { Migrator, sql, type Kysely } from 'kysely';
import type { DatabaseConfig } from '../config.js';
import type { Database } from './database.js';
import { listenForEventLog, type EventLogListener, type EventLogListenerOptions } from './dialect/postgres-listener.js';
import { openPostgres } from './dialect/postgres.js';
import { openSqlite } from './dialect/sqlite.js';
import { migrationProvider } from './migrations/index.js';
import { SearchRepository } from './repositories/search.repository.js';

export interface StoreLocation {
  /** PostgreSQL: the schema Dateline's tables live in (default "public"). */
  readonly schema?: string;
}

export interface OpenOptions extends StoreLocation {
  /** PostgreSQL: a pooled connection was lost (see PostgresOptions); the pool replaces it by itself. */
  readonly onConnectionLost?: (error: Error) => void;
}

/** Where the configuration puts Dateline's tables (DATABASE_SCHEMA on PostgreSQL). */
export function storeLocation(config: DatabaseConfig): StoreLocation {
  return config.kind === 'postgres' && config.schema ? { schema: config.schema } : {};
}

export function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Kysely<Database> {
  return config.kind === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url, options);
}

/**
 * PostgreSQL: a connection of its own that hears other processes append to the event log, at
 * once. SQLite runs one node, whose own bus already has its events: nothing to listen to.
 */
export function listenForEvents(
  config: DatabaseConfig,
  options: StoreLocation & Omit<EventLogListenerOptions, 'schema'>,
): EventLogListener | null {
  return config.kind === 'postgres' ? listenForEventLog(config.url, options) : null;
}

/**
 * On PostgreSQL the migration bookkeeping tables are named with their schema: Kysely looks for
 * them across all schemas otherwise, and finds another schema's tables on a shared server.
 */
export function migrator(db: Kysely<Database>, kind: DatabaseConfig['kind'], options: StoreLocation = {}): Migrator {
  return new Migrator({
    db,
    provider: migrationProvider,
    ...(kind === 'postgres' ? { migrationTableSchema: options.schema ?? 'public' } : {}),
  });
}

/** Brings the schema to the newest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>, kind: DatabaseConfig['kind'], options: StoreLocation = {}): Promise<void> {
  if (kind === 'postgres' && options.schema) await createSchemaIfMissing(db, options.schema);
  const { error, results } = await migrator(db, kind, options).migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(error)}`, { cause: error });
  }
  await indexMissingStories(db);
}

/**
 * Stories saved before the search index existed (or by a version that did not write it) are
 * indexed now, a batch per transaction; once all are, this is one cheap query.
 */
async function indexMissingStories(db: Kysely<Database>): Promise<void> {
  for (;;) {
    const indexed = await db.transaction().execute((trx) => new SearchRepository(trx).indexMissing(500));
    if (indexed < 500) return;
  }
}

/** Looked up first: a role that may not create schemas can still use one made for it. */
async function createSchemaIfMissing(db: Kysely<Database>, schema: string): Promise<void> {
  const { rows } = await sql<{ found: number }>`select 1 as found from pg_namespace where nspname = ${schema}`.execute(db);
  if (rows.length === 0) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
}
