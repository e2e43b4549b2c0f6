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
 * PostgreSQL: lock the selected rows until the transaction ends, so a read-change-write of a
 * row (an edit that keeps the fields it was not given) waits for another one in progress
 * instead of overwriting it. SQLite runs one transaction at a time already.
 */
export function lockedRows<DB, TB extends keyof DB, O>(db: Kysely<DB>, query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return db.getExecutor().adapter instanceof PostgresAdapter ? query.forUpdate() : query;
}
