import {
  Kysely,
  PostgresDialect,
  sql,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type DatabaseMetadataOptions,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';
import pg from 'pg';
import type { Database } from '../database.js';
import { unavailableWhenDisconnected } from './unavailable-driver.js';

const INT8 = 20;

export interface PostgresOptions {
  readonly schema?: string;
  readonly max?: number;
  /**
   * A connection of the pool was lost: the server restarted or failed over, a pooler in front
   * restarted, or an operator ended it (pg_terminate_backend). The pool makes a new one for the
   * next query; this only tells. Without it, pg's `error` event would end the process.
   */
  readonly onConnectionLost?: (error: Error) => void;
}

/**
 * PostgreSQL at scale. Times are bigint milliseconds and counts are bigint, so int8 is
 * read as a JS number (safe up to 2^53, which millisecond times reach in the year 287396).
 * While the server cannot be reached, queries fail at once with DATABASE_UNAVAILABLE (an
 * `unavailable` DomainError) and the pool connects again by itself once it answers.
 */
export function openPostgres(url: string, options: PostgresOptions = {}): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    // A server that does not answer (a dead host, a failover in progress) fails the query
    // within seconds instead of holding the request until the operating system gives up.
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
    // JIT compilation costs tens to hundreds of milliseconds and pays back only on long analytic
    // queries; a search's bounded walk looks dear enough to the planner to trigger it.
    options: `-c jit=off${options.schema ? ` -c search_path=${options.schema}` : ''}`,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  const lost = (error: Error) => options.onConnectionLost?.(error);
  // An idle connection that dies is reported by the pool, one in use by its client (the query
  // it was running fails on its own): both must be listened to, or Node ends the process.
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', lost));
  return new Kysely<Database>({ dialect: unavailableWhenDisconnected(new OwnSchemaPostgresDialect({ pool })) });
}

interface ColumnRow {
  table: string;
  table_type: string;
  schema: string;
  column: string;
  not_null: boolean;
  has_default: boolean;
  type: string;
  type_schema: string;
  auto_incrementing: string | null;
}

/**
 * Kysely's own introspection reads the columns of every table in every schema of the database;
 * its migrator asks several times per run. Dateline's tables are those of its own schema (the
 * first of the search path), so this one looks there only: on a server shared by many schemas
 * (tests, several installs) a migration stays as fast as on an empty one.
 */
class OwnSchemaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace`.execute(this.db);
    return rows;
  }

  async getTables(options: DatabaseMetadataOptions = { withInternalKyselyTables: false }): Promise<TableMetadata[]> {
    const { rows } = await sql<ColumnRow>`
      select c.relname as table, c.relkind as table_type, ns.nspname as schema, a.attname as column,
        a.attnotnull as not_null, a.atthasdef as has_default, typ.typname as type, dtns.nspname as type_schema,
        pg_get_serial_sequence(quote_ident(ns.nspname) || '.' || quote_ident(c.relname), a.attname) as auto_incrementing
      from pg_catalog.pg_attribute a
        join pg_catalog.pg_class c on a.attrelid = c.oid
        join pg_catalog.pg_namespace ns on c.relnamespace = ns.oid
        join pg_catalog.pg_type typ on a.atttypid = typ.oid
        join pg_catalog.pg_namespace dtns on typ.typnamespace = dtns.oid
      where c.relkind in ('r', 'v', 'p') and ns.nspname = current_schema() and a.attnum >= 0 and not a.attisdropped
        and (${options.withInternalKyselyTables ?? false} or c.relname not in ('kysely_migration', 'kysely_migration_lock'))
      order by c.relname, a.attnum`.execute(this.db);
    const tables = new Map<string, TableMetadata & { columns: TableMetadata['columns'][number][] }>();
    for (const row of rows) {
      let table = tables.get(row.table);
      if (!table) {
        table = { name: row.table, schema: row.schema, isView: row.table_type === 'v', columns: [] };
        tables.set(row.table, table);
      }
      table.columns.push({
        name: row.column,
        dataType: row.type,
        dataTypeSchema: row.type_schema,
        isNullable: !row.not_null,
        hasDefaultValue: row.has_default,
        isAutoIncrementing: row.auto_incrementing !== null,
      });
    }
    return [...tables.values()];
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}

class OwnSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new OwnSchemaIntrospector(db);
  }
}
