import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Migrations are written against Kysely<any> and never edited once landed.

function idColumn(db: Kysely<any>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return (col: ColumnDefinitionBuilder) =>
    postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
}

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);

  await db.schema
    .createTable('services')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('ltr', 'rtl')`))
    .addColumn('outlet', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('sections')
    .addColumn('id', 'integer', id)
    .addColumn('service_code', 'text', (c) => c.notNull().references('services.code').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('sections_service_slug', ['service_code', 'slug'])
    .execute();

  await db.schema
    .createTable('tags')
    .addColumn('id', 'integer', id)
    .addColumn('service_code', 'text', (c) => c.notNull().references('services.code').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('tags_service_slug', ['service_code', 'slug'])
    .execute();

  await db.schema
    .createTable('profiles')
    .addColumn('id', 'integer', id)
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('person', 'organisation', 'place')`))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('modified_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('media_items')
    .addColumn('id', 'integer', id)
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('video', 'audio', 'image')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('caption', 'text')
    .addColumn('credit', 'text')
    .addColumn('alt_text', 'text')
    .addColumn('duration_ms', 'bigint')
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('processing', 'ready', 'failed', 'none')`))
    .addColumn('failure_reason', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('modified_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('media_renditions')
    .addColumn('id', 'integer', id)
    .addColumn('media_id', 'integer', (c) => c.notNull().references('media_items.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('media_renditions_media').on('media_renditions').column('media_id').execute();

  await db.schema
    .createTable('stories')
    .addColumn('id', 'integer', id)
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
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published', 'unpublished')`))
    .addColumn('published_at', 'bigint')
    .addColumn('updated_at', 'bigint')
    .addColumn('comments_state', 'text', (c) => c.notNull().check(sql`comments_state in ('open', 'closed')`))
    .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('modified_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stories_service_published')
    .on('stories')
    .columns(['service_code', 'status', 'published_at'])
    .execute();
  await db.schema.createIndex('stories_section_published').on('stories').columns(['section_id', 'published_at']).execute();

  await db.schema
    .createTable('story_tags')
    .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('story_tags_pk', ['story_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('story_tags_tag').on('story_tags').column('tag_id').execute();

  await db.schema
    .createTable('story_profiles')
    .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('profile_id', 'integer', (c) => c.notNull().references('profiles.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('story_profiles_pk', ['story_id', 'profile_id'])
    .execute();
  await db.schema.createIndex('story_profiles_profile').on('story_profiles').column('profile_id').execute();

  await db.schema
    .createTable('story_notes')
    .addColumn('id', 'integer', id)
    .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('update', 'correction')`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('story_notes_story').on('story_notes').column('story_id').execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'integer', id)
    .addColumn('service_code', 'text', (c) => c.notNull().references('services.code').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('link_url', 'text')
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alerts_service_expiry').on('alerts').columns(['service_code', 'expires_at']).execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'integer', id)
    .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('visible', 'held', 'rejected', 'spam')`))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('comments_story_state_created')
    .on('comments')
    .columns(['story_id', 'state', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'comments',
    'alerts',
    'story_notes',
    'story_profiles',
    'story_tags',
    'stories',
    'media_renditions',
    'media_items',
    'profiles',
    'tags',
    'sections',
    'services',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
