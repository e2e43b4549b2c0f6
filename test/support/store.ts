import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { createEventBus } from '../../src/events/event-bus.js';
import type { DatelineEvent } from '../../src/events/events.js';
import { fixedClock } from '../../src/domain/shared/clock.js';
import type { Database } from '../../src/store/database.js';
import { migrateToLatest, openDatabase } from '../../src/store/open-store.js';
import { createStore, type Store } from '../../src/store/store.js';
import type { ActionDeps } from '../../src/actions/deps.js';
import { copyMigratedSqlite, createTestDatabase, type StoreKind, type TestDatabase } from './databases.js';

export const T0 = new Date('2026-11-29T12:00:00.000Z');

export interface TestStore {
  readonly db: Kysely<Database>;
  readonly kind: StoreKind;
  readonly schema: string | undefined;
  readonly store: Store;
  readonly clock: ReturnType<typeof fixedClock>;
  readonly events: DatelineEvent[];
  readonly deps: ActionDeps;
  close(): Promise<void>;
}

/**
 * PostgreSQL schemas this test process has migrated and is not using right now. Migrating a new
 * schema costs about a second; emptying one a few milliseconds. (On SQLite each test gets a copy
 * of the file the global setup migrated.) The schemas are dropped with the rest of the run's.
 */
const idleSchemas: TestDatabase[] = [];

/** The schema's tables, those that others refer to after those referring to them. */
async function deletionOrder(db: Kysely<Database>, schema: string): Promise<string[]> {
  const tables = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = ${schema} and tablename not like 'kysely\_%'`.execute(db);
  const references = await sql<{ child: string; parent: string }>`
    select child.relname as child, parent.relname as parent from pg_constraint c
      join pg_class child on child.oid = c.conrelid join pg_class parent on parent.oid = c.confrelid
      join pg_namespace n on n.oid = c.connamespace
    where c.contype = 'f' and n.nspname = ${schema} and c.conrelid <> c.confrelid`.execute(db);
  const left = new Set(tables.rows.map((row) => row.name));
  const order: string[] = [];
  while (left.size) {
    const next = [...left].filter((name) => !references.rows.some((ref) => ref.parent === name && left.has(ref.child)));
    if (!next.length) throw new Error(`tables referring to each other in ${schema}: ${[...left].join(', ')}`);
    for (const name of next) {
      order.push(name);
      left.delete(name);
    }
  }
  return order;
}

const deletions = new Map<string, string>();

/**
 * Every table of Dateline's emptied and its ids started again: what a fresh migration leaves.
 * DELETE in foreign-key order, one round trip: TRUNCATE makes new files for every table and
 * costs as much as migrating again.
 */
async function emptyTables(db: Kysely<Database>, schema: string): Promise<void> {
  let statements = deletions.get(schema);
  if (!statements) {
    statements = [
      ...(await deletionOrder(db, schema)).map((name) => `delete from "${name}";`),
      `select setval(c.oid, 1, false) from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'S' and n.nspname = '${schema}';`,
    ].join('\n');
    deletions.set(schema, statements);
  }
  // Without parameters the statements go as one simple query: one implicit transaction.
  await sql.raw(statements).execute(db);
}

/**
 * A migrated, empty database of the given kind, open. On SQLite, a copy of the run's migrated file.
 * On PostgreSQL, a schema an earlier test closed is emptied and used again (brought to the latest
 * migration first, in case that test moved it); otherwise a new one is migrated. Each test gets a
 * temp folder of its own either way. Give it back with `releaseDatabase` once nothing uses it.
 */
export async function takeMigratedDatabase(kind: StoreKind): Promise<{ database: TestDatabase; db: Kysely<Database> }> {
  const reused = kind === 'postgres' ? idleSchemas.pop() : undefined;
  const database = reused ? await withNewDir(reused) : await createTestDatabase(kind);
  copyMigratedSqlite(database);
  const location = database.schema ? { schema: database.schema } : {};
  const db = openDatabase(database.config, location);
  try {
    await migrateToLatest(db, kind, location);
    if (reused?.schema) await emptyTables(db, reused.schema);
  } catch (error) {
    await db.destroy();
    await database.cleanup();
    throw error;
  }
  return { database, db };
}

async function withNewDir(database: TestDatabase): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-test-'));
  return { ...database, dir, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** After its last user closed: its folder removed, a PostgreSQL schema kept for the next test. */
export async function releaseDatabase(database: TestDatabase): Promise<void> {
  await database.cleanup();
  if (database.config.kind === 'postgres') idleSchemas.push(database);
}

/** A migrated, empty store of the given kind, with a fixed clock and a record of published events. */
export async function openTestStore(kind: StoreKind): Promise<TestStore> {
  const { database, db } = await takeMigratedDatabase(kind);
  const store = createStore(db, kind);
  const clock = fixedClock(T0);
  const events: DatelineEvent[] = [];
  const bus = createEventBus((error) => {
    throw error;
  });
  bus.subscribe((event) => {
    events.push(event);
  });
  return {
    db,
    kind,
    schema: database.schema,
    store,
    clock,
    events,
    deps: { store, clock, events: bus },
    close: async () => {
      // Waits for this test's queries; whatever it left running fails as on a closed store.
      await db.destroy();
      await releaseDatabase(database);
    },
  };
}
