import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Migrations are written against Kysely<any> and never edited once landed.

/**
 * The full-text index of stories, one row per story, written by the story repository on every
 * save (the words are normalised in the domain first, which a trigger could not do).
 * PostgreSQL: a weighted tsvector (headline A, deck B, the rest C) with a GIN index.
 * SQLite: a contentless FTS5 table whose rowid is the story id, holding the stemmed words and,
 * in `service`, one token naming the story's service (a search is one service's).
 * Stories saved before this migration are indexed when the store opens (see the repository).
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db.schema
      .createTable('story_search')
      .addColumn('story_id', 'integer', (c) => c.primaryKey().references('stories.id').onDelete('cascade'))
      .addColumn('service_code', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('document', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`create index story_search_document on story_search using gin (document)`.execute(db);
  } else {
    await sql`create virtual table story_search using fts5(
      service, headline, deck, body,
      content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
    )`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table story_search`.execute(db);
}
