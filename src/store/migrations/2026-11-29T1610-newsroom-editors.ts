import type { Kysely } from 'kysely';

// The newsroom's other editors: a profile may belong to one service (null: shared by all),
// profiles are found by the start of any word of their name through an index of word
// prefixes (equality lookups, the same on both databases whatever the collation), and the
// audit log is filtered by person and by action.
// Migrations are written against Kysely<any> and never edited once landed.

/** Kept in step with profileNamePrefixes in src/domain/profile/profile-search.ts (migrations import nothing from src/). */
const PREFIX_MAX = 24;
function namePrefixes(name: string): string[] {
  const prefixes = new Set<string>();
  for (const word of name.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{M}\p{N}]+/u)) {
    const letters = Array.from(word);
    for (let n = 1; n <= Math.min(letters.length, PREFIX_MAX); n++) prefixes.add(letters.slice(0, n).join(''));
  }
  return [...prefixes];
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('profiles')
    .addColumn('service_code', 'text', (c) => c.references('services.code').onDelete('set null'))
    .execute();
  await db.schema.createIndex('profiles_service_name').on('profiles').columns(['service_code', 'name']).execute();

  await db.schema
    .createTable('profile_name_prefixes')
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('profile_id', 'integer', (c) => c.notNull().references('profiles.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('profile_name_prefixes_pk', ['prefix', 'profile_id'])
    .execute();
  await db.schema.createIndex('profile_name_prefixes_profile').on('profile_name_prefixes').column('profile_id').execute();

  const profiles = await db.selectFrom('profiles').select(['id', 'name']).execute();
  for (const profile of profiles as { id: number; name: string }[]) {
    const rows = namePrefixes(profile.name).map((prefix) => ({ prefix, profile_id: profile.id }));
    if (rows.length) await db.insertInto('profile_name_prefixes').values(rows).execute();
  }

  await db.schema.createIndex('audit_log_user').on('audit_log').columns(['user_id', 'id']).execute();
  await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'id']).execute();
  await db.schema.createIndex('alerts_service_starts').on('alerts').columns(['service_code', 'starts_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('alerts_service_starts').execute();
  await db.schema.dropIndex('audit_log_action').execute();
  await db.schema.dropIndex('audit_log_user').execute();
  await db.schema.dropTable('profile_name_prefixes').execute();
  await db.schema.dropIndex('profiles_service_name').execute();
  await db.schema.alterTable('profiles').dropColumn('service_code').execute();
}
