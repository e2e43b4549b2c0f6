import { PostgresAdapter, type Kysely, type SelectQueryBuilder } from 'kysely';

/**
 * PostgreSQL: lock the selected rows and skip rows another transaction holds, so several
 * workers can claim from one queue without waiting on each other. SQLite has one writer at a
 * time, so a single-statement claim is already exclusive and needs no lock clause.
 */
export function skipLockedRows<DB, TB extends keyof DB, O>(
  db: Kysely<DB>,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return db.getExecutor().adapter instanceof PostgresAdapter ? query.forUpdate().skipLocked() : query;
}

/**
 * PostgreSQL: lock the selected rows until the transaction ends, so a check and the write it
 * guards (count, then insert) cannot interleave with another transaction's. SQLite runs one
 * write transaction at a time, so it needs no lock clause.
 */
export function lockRows<DB, TB extends keyof DB, O>(db: Kysely<DB>, query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return db.getExecutor().adapter instanceof PostgresAdapter ? query.forUpdate() : query;
}
