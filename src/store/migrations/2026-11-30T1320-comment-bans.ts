import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Bans a moderator can list, search, give an end and lift: each ban gets an id, who made it,
// the pseudonym it was seen under, an optional end and when (and by whom) it was lifted; a
// third kind bans a pseudonym. Existing bans are kept (no end). Migrations are never edited once landed.

function idColumn(db: Kysely<any>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return (col: ColumnDefinitionBuilder) => (postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement());
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('comment_bans_next')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('service_code', 'text', (c) => c.notNull().references('services.code').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('address', 'token', 'pseudonym')`))
    /** Salted hash of the address or browser token; for a pseudonym, its folded form. */
    .addColumn('hash', 'text', (c) => c.notNull())
    /** The name the person commented under when banned: what moderators search for. */
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('comment_id', 'integer', (c) => c.references('comments.id').onDelete('set null'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint')
    .addColumn('lifted_at', 'bigint')
    .addColumn('lifted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await sql`insert into comment_bans_next (service_code, kind, hash, created_at) select service_code, kind, hash, created_at from comment_bans`.execute(db);
  await db.schema.dropTable('comment_bans').execute();
  await db.schema.alterTable('comment_bans_next').renameTo('comment_bans').execute();
  // One standing ban per person and kind: a second ban renews it.
  await db.schema
    .createIndex('comment_bans_standing')
    .on('comment_bans')
    .columns(['service_code', 'kind', 'hash'])
    .unique()
    .where(sql.ref('lifted_at'), 'is', null)
    .execute();
  await db.schema.createIndex('comment_bans_service').on('comment_bans').columns(['service_code', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('comment_bans_prev')
    .addColumn('service_code', 'text', (c) => c.notNull().references('services.code').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('address', 'token')`))
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_bans_pk', ['service_code', 'kind', 'hash'])
    .execute();
  await sql`insert into comment_bans_prev (service_code, kind, hash, created_at)
    select service_code, kind, hash, min(created_at) from comment_bans
    where lifted_at is null and kind in ('address', 'token') group by service_code, kind, hash`.execute(db);
  await db.schema.dropIndex('comment_bans_service').execute();
  await db.schema.dropIndex('comment_bans_standing').execute();
  await db.schema.dropTable('comment_bans').execute();
  await db.schema.alterTable('comment_bans_prev').renameTo('comment_bans').execute();
}
