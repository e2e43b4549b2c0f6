import type { Kysely } from 'kysely';

// Migrations are written against Kysely<any> and never edited once landed.

/** What a service says about itself (About page) and how to reach it (Contact page); empty until an editor writes it. */
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of ['about', 'contact_email', 'contact_postal', 'contact_phone']) {
    await db.schema.alterTable('services').addColumn(column, 'text', (c) => c.notNull().defaultTo('')).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['contact_phone', 'contact_postal', 'contact_email', 'about']) {
    await db.schema.alterTable('services').dropColumn(column).execute();
  }
}
