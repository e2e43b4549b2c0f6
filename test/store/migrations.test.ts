import { NO_MIGRATIONS, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrator } from '../../src/store/open-store.js';
import { STORE_KINDS } from '../support/databases.js';
import { openTestStore, type TestStore } from '../support/store.js';

describe.each(STORE_KINDS)('migrations on %s', (kind) => {
  let t: TestStore | undefined;
  afterEach(async () => t?.close());

  it('go up, down to nothing, and up again', async () => {
    t = await openTestStore(kind);
    // On PostgreSQL, only this test's schema counts (the store's introspection looks nowhere else).
    const tables = async () =>
      (await t!.db.introspection.getTables())
        .filter((table) => t!.kind === 'sqlite' || table.schema === t!.schema)
        .map((table) => table.name)
        .filter((name) => !name.startsWith('kysely_'))
        // FTS5's own shadow tables of the search index (SQLite).
        .filter((name) => !(t!.kind === 'sqlite' && name.startsWith('story_search_')))
        .sort();
    expect(await tables()).toContain('stories');
    const down = await migrator(t.db, t.kind, { schema: t.schema }).migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    expect(await tables()).toEqual([]);
    const up = await migrator(t.db, t.kind, { schema: t.schema }).migrateToLatest();
    expect(up.error).toBeUndefined();
    expect(await tables()).toEqual(
      [
        'alerts',
        'api_tokens',
        'audit_log',
        'comment_bans',
        'comment_reports',
        'comment_settings',
        'comments',
        'content_api_keys',
        'event_log',
        'front_page_stories',
        'jobs',
        'live_entries',
        'live_entry_revisions',
        'media_captions',
        'media_items',
        'media_renditions',
        'open_uploads',
        'profile_name_prefixes',
        'profiles',
        'push_keys',
        'push_subscriptions',
        'role_grants',
        'sections',
        'services',
        'sessions',
        'sign_in_failures',
        'stories',
        'story_notes',
        'story_profiles',
        'story_reads',
        'story_revisions',
        'story_search',
        'story_translations',
        'story_tags',
        'tags',
        'used_challenges',
        'users',
        'webhook_deliveries',
        'webhook_endpoints',
      ].sort(),
    );
  });

  it('enforces foreign keys', async () => {
    t = await openTestStore(kind);
    await expect(
      sql`insert into sections (service_code, slug, name, position) values ('nowhere', 'news', 'News', 0)`.execute(t.db),
    ).rejects.toThrow();
  });
});

describe.each(STORE_KINDS)('the newsroom migration on %s', (kind) => {
  let t: TestStore | undefined;
  afterEach(async () => t?.close());

  it('keeps existing stories, their comments, tags and notes when the workflow states arrive', async () => {
    t = await openTestStore(kind);
    const m = migrator(t.db, t.kind, { schema: t.schema });
    expect((await m.migrateTo('2026-11-29T1200-create-foundation')).error).toBeUndefined();
    await sql`insert into services (code, name, locale, direction, outlet, position) values ('en', 'English', 'en', 'ltr', 'RFE/RL', 0)`.execute(t.db);
    await sql`insert into tags (service_code, slug, name) values ('en', 'politics', 'Politics')`.execute(t.db);
    await sql`insert into stories (service_code, slug, headline, bylines_json, credits_json, body_json, status, published_at, comments_state, comment_count, created_at, modified_at)
      values ('en', 'old', 'Old Story', '[]', '[]', '[]', 'published', 1, 'closed', 1, 1, 1)`.execute(t.db);
    await sql`insert into story_tags (story_id, tag_id) select s.id, g.id from stories s, tags g`.execute(t.db);
    await sql`insert into story_notes (story_id, kind, text, created_at) select id, 'correction', 'Fixed', 2 from stories`.execute(t.db);
    await sql`insert into comments (story_id, author_name, body, state, created_at) select id, 'Reader', 'First!', 'visible', 3 from stories`.execute(t.db);

    expect((await m.migrateToLatest()).error).toBeUndefined();
    const story = await t.store.read.stories.findById(1);
    expect(story).toMatchObject({ headline: 'Old Story', status: 'published', commentsState: 'closed', commentCount: 1, version: 1, authorId: null });
    expect(story?.tagIds).toHaveLength(1);
    expect(story?.notes).toHaveLength(1);
    const comments = await sql<{ n: number }>`select count(*) as n from comments`.execute(t.db);
    expect(Number(comments.rows[0]?.n)).toBe(1);
    await expect(sql`update stories set status = 'filed'`.execute(t.db)).resolves.toBeDefined();
    await expect(sql`update stories set status = 'lost'`.execute(t.db)).rejects.toThrow();
  });
});
