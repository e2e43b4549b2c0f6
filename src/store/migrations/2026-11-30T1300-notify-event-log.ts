import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Migrations are written against Kysely<any> and never edited once landed.

/**
 * PostgreSQL: every row appended to event_log wakes the other nodes at once (LISTEN
 * dateline_events), with "schema:id" as the payload so nodes of other schemas on the same
 * server ignore it. A NOTIFY sent inside a transaction is delivered at its commit, and not at
 * all if it rolls back, so an event written with its change is announced exactly when visible.
 * SQLite (one node) has nothing to wake.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`
    create function event_log_notify() returns trigger language plpgsql as $$
    begin
      perform pg_notify('dateline_events', tg_table_schema || ':' || new.id);
      return null;
    end
    $$`.execute(db);
  await sql`create trigger event_log_notify after insert on event_log for each row execute function event_log_notify()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop trigger if exists event_log_notify on event_log`.execute(db);
  await sql`drop function if exists event_log_notify()`.execute(db);
}
