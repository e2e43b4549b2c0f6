import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Distribution: podcast sections, Content API keys, webhook endpoints and their deliveries.
// Migrations are written against Kysely<any> and never edited once landed.

function idColumn(db: Kysely<any>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return (col: ColumnDefinitionBuilder) =>
    postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
}

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);

  // 1: the section's feed carries the itunes: elements podcast apps need.
  await db.schema
    .alterTable('sections')
    .addColumn('podcast', 'integer', (c) => c.notNull().defaultTo(0).check(sql`podcast in (0, 1)`))
    .execute();

  await db.schema
    .createTable('content_api_keys')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'text', (c) => c.notNull())
    /** SHA-256 of the key: the key itself is shown once. */
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    /** The first characters, so people can tell keys apart. */
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('requests_per_minute', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();

  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('id', 'integer', id)
    .addColumn('service_code', 'text', (c) => c.notNull().references('services.code').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('events_json', 'text', (c) => c.notNull())
    /** The signing secret ("whsec_..."): needed in clear to sign, shown to admins once. */
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('disabled_at', 'bigint')
    .execute();
  await db.schema.createIndex('webhook_endpoints_service').on('webhook_endpoints').column('service_code').execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'integer', id)
    /** The message id receivers use to drop duplicates ("msg_..."), the same on every attempt. */
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('endpoint_id', 'integer', (c) => c.notNull().references('webhook_endpoints.id').onDelete('cascade'))
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('pending', 'delivered', 'failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('response_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_attempt_at', 'bigint')
    .execute();
  await db.schema.createIndex('webhook_deliveries_endpoint').on('webhook_deliveries').columns(['endpoint_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('webhook_deliveries').execute();
  await db.schema.dropTable('webhook_endpoints').execute();
  await db.schema.dropTable('content_api_keys').execute();
  await db.schema.alterTable('sections').dropColumn('podcast').execute();
}
