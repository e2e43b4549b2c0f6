import type { Kysely } from 'kysely';

// A revision made by autosave (1) rather than by an explicit Save (0): an autosave by the same
// person a few minutes after their last one replaces it, so the history is one revision per
// person per few minutes of typing, plus every explicit save. Existing revisions were saves.
// Migrations are written against Kysely<any> and never edited once landed.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('story_revisions').addColumn('autosave', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('story_revisions').dropColumn('autosave').execute();
}
