import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Accounts, roles, sessions, tokens, audit log, story revisions, and the newsroom workflow
// on stories (filed and scheduled states, author, version for optimistic concurrency).
// Migrations are written against Kysely<any> and never edited once landed.

const NEW_STATUSES = sql`status in ('draft', 'filed', 'scheduled', 'published', 'unpublished')`;
const OLD_STATUSES = sql`status in ('draft', 'published', 'unpublished')`;

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

function idColumn(db: Kysely<any>) {
  const postgres = isPostgres(db);
  return (col: ColumnDefinitionBuilder) =>
    postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
}

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', id)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('active', 'disabled')`))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('modified_at', 'bigint', (c) => c.notNull())
    .execute();

  // Admin grants have service_code '*': a NULL would not take part in the unique constraint.
  await db.schema
    .createTable('role_grants')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'editor', 'reporter', 'moderator')`))
    .addColumn('service_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('role_grants_pk', ['user_id', 'role', 'service_code'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  // Failed sign-ins per key ("email:..." and "address:..."): the window and any lock.
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('locked_until', 'bigint')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('details_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_created').on('audit_log').column('created_at').execute();

  await db.schema
    .createTable('story_revisions')
    .addColumn('id', 'integer', id)
    .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('save', 'conflict', 'restore')`))
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('story_revisions_story').on('story_revisions').columns(['story_id', 'id']).execute();

  if (isPostgres(db)) {
    await sql`alter table stories drop constraint stories_status_check`.execute(db);
    await sql`alter table stories add constraint stories_status_check check (${NEW_STATUSES})`.execute(db);
    await db.schema.alterTable('stories').addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null')).execute();
    await db.schema.alterTable('stories').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  } else {
    await rebuildSqliteStories(db, NEW_STATUSES, true);
  }
  await db.schema.createIndex('stories_status_published').on('stories').columns(['status', 'published_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('stories_status_published').execute();
  if (isPostgres(db)) {
    await db.schema.alterTable('stories').dropColumn('version').execute();
    await db.schema.alterTable('stories').dropColumn('author_id').execute();
    await sql`alter table stories drop constraint stories_status_check`.execute(db);
    await sql`alter table stories add constraint stories_status_check check (${OLD_STATUSES})`.execute(db);
  } else {
    await rebuildSqliteStories(db, OLD_STATUSES, false);
  }
  for (const table of ['story_revisions', 'audit_log', 'sign_in_failures', 'api_tokens', 'sessions', 'role_grants', 'users']) {
    await db.schema.dropTable(table).execute();
  }
}

const STORY_COLUMNS = [
  'id',
  'service_code',
  'section_id',
  'slug',
  'headline',
  'deck',
  'dateline_place',
  'dateline_outlet',
  'bylines_json',
  'credits_json',
  'body_json',
  'lead_media_id',
  'status',
  'published_at',
  'updated_at',
  'comments_state',
  'comment_count',
  'created_at',
  'modified_at',
];

/**
 * SQLite cannot change a CHECK constraint or add a referencing column with ALTER: the table is
 * rebuilt (the procedure of https://sqlite.org/lang_altertable.html), with foreign keys off so
 * that dropping the old table does not cascade to comments, tags and notes. SQLite migrations
 * run outside a transaction (Kysely), on the one connection, so the pragma applies.
 */
async function rebuildSqliteStories(db: Kysely<any>, statuses: ReturnType<typeof sql>, newsroom: boolean): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      let table = trx.schema
        .createTable('stories_rebuilt')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('service_code', 'text', (c) => c.notNull().references('services.code'))
        .addColumn('section_id', 'integer', (c) => c.references('sections.id').onDelete('set null'))
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('headline', 'text', (c) => c.notNull())
        .addColumn('deck', 'text')
        .addColumn('dateline_place', 'text')
        .addColumn('dateline_outlet', 'text')
        .addColumn('bylines_json', 'text', (c) => c.notNull())
        .addColumn('credits_json', 'text', (c) => c.notNull())
        .addColumn('body_json', 'text', (c) => c.notNull())
        .addColumn('lead_media_id', 'integer', (c) => c.references('media_items.id').onDelete('set null'))
        .addColumn('status', 'text', (c) => c.notNull().check(statuses))
        .addColumn('published_at', 'bigint')
        .addColumn('updated_at', 'bigint')
        .addColumn('comments_state', 'text', (c) => c.notNull().check(sql`comments_state in ('open', 'closed')`))
        .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('modified_at', 'bigint', (c) => c.notNull());
      if (newsroom) {
        table = table
          .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
          .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1));
      }
      await table.execute();
      const columns = sql.join(STORY_COLUMNS.map((c) => sql.ref(c)));
      await sql`insert into stories_rebuilt (${columns}) select ${columns} from stories`.execute(trx);
      await trx.schema.dropTable('stories').execute();
      await trx.schema.alterTable('stories_rebuilt').renameTo('stories').execute();
      await trx.schema
        .createIndex('stories_service_published')
        .on('stories')
        .columns(['service_code', 'status', 'published_at'])
        .execute();
      await trx.schema.createIndex('stories_section_published').on('stories').columns(['section_id', 'published_at']).execute();
      const broken = await sql`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length) throw new Error(`stories rebuild broke ${broken.rows.length} foreign key(s)`);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
