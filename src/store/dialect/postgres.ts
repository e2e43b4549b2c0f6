import { Kysely, PostgresDialect } from 'kysely';
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
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
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
  return new Kysely<Database>({ dialect: unavailableWhenDisconnected(new PostgresDialect({ pool })) });
}

export function isPostgresUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === '23505';
}
