import type { Kysely } from 'kysely';

// Personal API tokens may expire, and keep when they were last used (so people can see which
// ones are still in use before revoking them). Existing tokens never expire.
// Migrations are written against Kysely<any> and never edited once landed.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_tokens').addColumn('expires_at', 'bigint').execute();
  await db.schema.alterTable('api_tokens').addColumn('last_used_at', 'bigint').execute();
  await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('api_tokens_user').execute();
  await db.schema.alterTable('api_tokens').dropColumn('last_used_at').execute();
  await db.schema.alterTable('api_tokens').dropColumn('expires_at').execute();
}
