import type { Kysely } from 'kysely';

// Migrations are written against Kysely<any> and never edited once landed.

/** Resumable uploads started and not yet finished or cancelled, per person: what the quota counts. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('open_uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('open_uploads_user_id').on('open_uploads').columns(['user_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('open_uploads').execute();
}
