import type { Kysely } from 'kysely';

// Migrations are written against Kysely<any> and never edited once landed.

/**
 * Pending versions of live stories: a published story's edits are saved as revisions and the
 * story points at the newest one (pending_revision_id) until an editor puts it live (Update),
 * now or at pending_apply_at. The story row itself stays what readers see.
 * Time zones: each person's own (IANA name, null: the service's), and each service's.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('stories').addColumn('pending_revision_id', 'integer').execute();
  await db.schema.alterTable('stories').addColumn('pending_apply_at', 'bigint').execute();
  await db.schema.createIndex('stories_pending_apply_at').on('stories').column('pending_apply_at').execute();
  await db.schema.alterTable('users').addColumn('time_zone', 'text').execute();
  await db.schema.alterTable('services').addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('services').dropColumn('time_zone').execute();
  await db.schema.alterTable('users').dropColumn('time_zone').execute();
  await db.schema.dropIndex('stories_pending_apply_at').execute();
  await db.schema.alterTable('stories').dropColumn('pending_apply_at').execute();
  await db.schema.alterTable('stories').dropColumn('pending_revision_id').execute();
}
