import type { Kysely } from 'kysely';

// Migrations are written against Kysely<any> and never edited once landed.

/**
 * Translation groups: stories that are versions of one another in different services. A group
 * is named by the smallest story id in it; a story is in one group at most, and a group holds
 * one story of each service at most (the unique index keeps that true under concurrent links).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('story_translations')
    .addColumn('story_id', 'integer', (c) => c.primaryKey().references('stories.id').onDelete('cascade'))
    .addColumn('group_id', 'integer', (c) => c.notNull())
    .addColumn('service_code', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('story_translations_group_service').on('story_translations').columns(['group_id', 'service_code']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('story_translations').execute();
}
