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
    // On PostgreSQL, introspection sees every schema on the server: look at this test's only.
    const tables = async () =>
      (await t!.db.introspection.getTables())
        .filter((table) => t!.kind === 'sqlite' || table.schema === t!.schema)
        .map((table) => table.name)
        .filter((name) => !name.startsWith('kysely_'))
        .sort();
    expect(await tables()).toContain('stories');
    const down = await migrator(t.db, t.kind, { schema: t.schema }).migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    expect(await tables()).toEqual([]);
    const up = await migrator(t.db, t.kind, { schema: t.schema }).migrateToLatest();
    expect(up.error).toBeUndefined();
    expect(await tables()).toEqual(
      ['alerts', 'comment_audit_log', 'comment_bans', 'comment_reports', 'comment_settings', 'comments', 'used_challenges', 'media_items', 'media_renditions', 'profiles', 'sections', 'services', 'stories', 'story_notes', 'story_profiles', 'story_tags', 'tags'].sort(),
    );
  });

  it('enforces foreign keys', async () => {
    t = await openTestStore(kind);
    await expect(
      sql`insert into sections (service_code, slug, name, position) values ('nowhere', 'news', 'News', 0)`.execute(t.db),
    ).rejects.toThrow();
  });
});
