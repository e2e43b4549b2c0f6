import { sql, type Kysely } from 'kysely';

// Reader posting and moderation: threads, provenance hashes, per-service settings, bans,
// reports and used proof-of-work challenges (decisions go to the newsroom's audit_log).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').addColumn('root_id', 'integer').execute();
  await db.schema.alterTable('comments').addColumn('address_hash', 'text').execute();
  await db.schema.alterTable('comments').addColumn('token_hash', 'text').execute();
  await db.schema.alterTable('comments').addColumn('edited_at', 'bigint').execute();
  await db.schema.alterTable('comments').addColumn('deleted_at', 'bigint').execute();
  await db.schema.alterTable('comments').addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // Replies of existing threads learn their root, one level per pass (threads are shallow).
  for (let pass = 0; pass < 32; pass++) {
    const result = await sql`
      update comments set root_id = (
        select coalesce(p.root_id, p.id) from comments p where p.id = comments.parent_id
      )
      where parent_id is not null and root_id is null
        and exists (select 1 from comments p where p.id = comments.parent_id and (p.parent_id is null or p.root_id is not null))
    `.execute(db);
    if (!result.numAffectedRows) break;
  }
  await db.schema.createIndex('comments_root').on('comments').columns(['root_id', 'state', 'created_at']).execute();
  await db.schema.createIndex('comments_story_author').on('comments').columns(['story_id', 'address_hash']).execute();

  await db.schema
    .createTable('comment_settings')
    .addColumn('service_code', 'text', (c) => c.primaryKey().references('services.code').onDelete('cascade'))
    .addColumn('moderation', 'text', (c) => c.notNull().check(sql`moderation in ('pre', 'post')`))
    .addColumn('auto_close_days', 'integer')
    .addColumn('max_links', 'integer', (c) => c.notNull())
    .addColumn('banned_words_json', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('comment_bans')
    .addColumn('service_code', 'text', (c) => c.notNull().references('services.code').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('address', 'token')`))
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_bans_pk', ['service_code', 'kind', 'hash'])
    .execute();

  await db.schema
    .createTable('comment_reports')
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('reporter_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_reports_pk', ['comment_id', 'reporter_hash'])
    .execute();

  await db.schema
    .createTable('used_challenges')
    .addColumn('signature', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['used_challenges', 'comment_reports', 'comment_bans', 'comment_settings']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('comments_story_author').execute();
  await db.schema.dropIndex('comments_root').execute();
  for (const column of ['report_count', 'deleted_at', 'edited_at', 'token_hash', 'address_hash', 'root_id']) {
    await db.schema.alterTable('comments').dropColumn(column).execute();
  }
}
