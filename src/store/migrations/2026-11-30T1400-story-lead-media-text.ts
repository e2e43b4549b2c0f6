import type { Kysely } from 'kysely';

// Migrations are written against Kysely<any> and never edited once landed.

/** A story's own caption and credit for its lead media; null: the media item's own. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('stories').addColumn('lead_media_caption', 'text').execute();
  await db.schema.alterTable('stories').addColumn('lead_media_credit', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('stories').dropColumn('lead_media_credit').execute();
  await db.schema.alterTable('stories').dropColumn('lead_media_caption').execute();
}
