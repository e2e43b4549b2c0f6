import type { Kysely } from 'kysely';

// A media item's focal point (x, y from 0 to 1, left to right and top to bottom): where every
// crop of the picture centres. Null for both: the centre.
// Migrations are written against Kysely<any> and never edited once landed.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('media_items').addColumn('focal_x', 'double precision').execute();
  await db.schema.alterTable('media_items').addColumn('focal_y', 'double precision').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('media_items').dropColumn('focal_y').execute();
  await db.schema.alterTable('media_items').dropColumn('focal_x').execute();
}
