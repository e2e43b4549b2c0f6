import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../../src/config.js';

export type StoreKind = 'sqlite' | 'postgres';
/** Every store test runs on both databases. */
export const STORE_KINDS: readonly StoreKind[] = ['sqlite', 'postgres'];

export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Test schemas are named after the run (set once by the global setup) and dropped together when
 * the run ends, never one by one during it: Kysely's migrator reads the tables of every schema on
 * the server, and a schema dropped at that moment makes another test's migration fail.
 */
export const SCHEMA_PREFIX = 'test_';
export function runSchemaPrefix(): string {
  return `${SCHEMA_PREFIX}${process.env.TEST_SCHEMA_RUN ?? 'adhoc'}_`;
}

/**
 * A SQLite file migrated once for the run by the global setup (its path in this variable, which
 * forked test workers inherit). Copying it gives a test a migrated store in a millisecond.
 */
export const SQLITE_TEMPLATE_VARIABLE = 'TEST_SQLITE_TEMPLATE';

/** Puts the run's migrated SQLite file in place of a fresh database's; false when there is none. */
export function copyMigratedSqlite(database: TestDatabase): boolean {
  const template = process.env[SQLITE_TEMPLATE_VARIABLE];
  if (database.config.kind !== 'sqlite' || !template || !fs.existsSync(template)) return false;
  fs.copyFileSync(template, database.config.file);
  return true;
}

export interface TestDatabase {
  readonly config: DatabaseConfig;
  /** PostgreSQL: the fresh schema this test owns. */
  readonly schema?: string;
  readonly dir: string;
  cleanup(): Promise<void>;
}

/** A fresh, empty database: a SQLite file in a temp folder, or a new PostgreSQL schema. */
export async function createTestDatabase(kind: StoreKind): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-test-'));
  if (kind === 'sqlite') {
    return {
      config: { kind: 'sqlite', file: path.join(dir, 'dateline.sqlite') },
      dir,
      cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `${runSchemaPrefix()}${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  return {
    config: { kind: 'postgres', url: POSTGRES_URL },
    schema,
    dir,
    // The schema itself is dropped with the rest of the run's (see SCHEMA_PREFIX).
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Drops schemas of this run, and of runs that ended without cleaning up more than six hours ago. */
export async function dropTestSchemas(prefix: string, olderThanRun?: number): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(`select nspname from pg_namespace where nspname like 'test\\_%'`);
    for (const { nspname } of rows) {
      const run = Number(/^test_(\d+)_/.exec(nspname)?.[1]);
      const stale = olderThanRun !== undefined && Number.isFinite(run) && run < olderThanRun;
      if (nspname.startsWith(prefix) || stale) await client.query(`drop schema if exists "${nspname}" cascade`);
    }
  } finally {
    await client.end();
  }
}
