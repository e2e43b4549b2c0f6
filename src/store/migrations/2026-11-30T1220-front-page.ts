import type { Kysely } from 'kysely';

// Migrations are written against Kysely<any> and never edited once landed.

/**
 * The stories an editor put on a service's front page (position 1 leads), and how often each
 * story was read per day: aggregate counters only, nothing about who read.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('front_page_stories')
    .addColumn('service_code', 'text', (c) => c.notNull().references('services.code').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('front_page_stories_pkey', ['service_code', 'position'])
    .execute();
  await db.schema
    .createTable('story_reads')
    .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('reads', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('story_reads_pkey', ['story_id', 'day'])
    .execute();
  await db.schema.createIndex('story_reads_day').on('story_reads').columns(['day', 'story_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('story_reads').execute();
  await db.schema.dropTable('front_page_stories').execute();
}
