import type { Kysely } from 'kysely';

// Migrations are written against Kysely<any> and never edited once landed.

/** The language each person's newsroom speaks to them in (and so its direction). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('locale', 'text', (c) => c.notNull().defaultTo('en')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('locale').execute();
}
