import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Live stories: a story an editor turned live takes timestamped entries, each with a body like
// a story's, optionally pinned or marked a key event; edits and deletions keep revisions.
// Migrations are written against Kysely<any> and never edited once landed.

function idColumn(db: Kysely<any>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return (col: ColumnDefinitionBuilder) => (postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement());
}

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);
  // When the story went live; null: an ordinary story (or live coverage that ended).
  await db.schema.alterTable('stories').addColumn('live_since', 'bigint').execute();

  await db.schema
    .createTable('live_entries')
    .addColumn('id', 'integer', id)
    .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    // 0 or 1 on both databases.
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0).check(sql`pinned in (0, 1)`))
    .addColumn('key_event', 'integer', (c) => c.notNull().defaultTo(0).check(sql`key_event in (0, 1)`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('modified_at', 'bigint', (c) => c.notNull())
    // Deleted entries leave the page but keep their revisions.
    .addColumn('deleted_at', 'bigint')
    .execute();
  await db.schema.createIndex('live_entries_story').on('live_entries').columns(['story_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('live_entry_revisions')
    .addColumn('id', 'integer', id)
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('live_entries.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('post', 'edit', 'delete')`))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('pinned', 'integer', (c) => c.notNull())
    .addColumn('key_event', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('live_entry_revisions_entry').on('live_entry_revisions').columns(['entry_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('live_entry_revisions').execute();
  await db.schema.dropTable('live_entries').execute();
  await db.schema.alterTable('stories').dropColumn('live_since').execute();
}
