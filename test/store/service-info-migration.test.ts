import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrator } from '../../src/store/open-store.js';
import { STORE_KINDS } from '../support/databases.js';
import { openTestStore, type TestStore } from '../support/store.js';

describe.each(STORE_KINDS)('the service info migration on %s', (kind) => {
  let t: TestStore | undefined;
  afterEach(async () => t?.close());

  it('gives the services made before it empty About and contact fields, keeps what is written, and goes down and up again', async () => {
    t = await openTestStore(kind);
    const m = migrator(t.db, t.kind, { schema: t.schema });
    expect((await m.migrateTo('2026-11-30T1320-comment-bans')).error).toBeUndefined();
    await sql`insert into services (code, name, locale, direction, outlet, position) values ('en', 'English', 'en', 'ltr', 'RFE/RL', 0)`.execute(t.db);

    expect((await m.migrateToLatest()).error).toBeUndefined();
    expect(await t.store.read.services.findInfo('en')).toEqual({ about: '', email: '', postal: '', phone: '' });
    await t.store.read.services.updateInfo('en', { about: 'About.', email: 'a@example.org', postal: 'Prague', phone: '+420 1' });
    expect(await t.store.read.services.findInfo('en')).toEqual({ about: 'About.', email: 'a@example.org', postal: 'Prague', phone: '+420 1' });
    expect((await t.store.read.services.find('en'))?.name).toBe('English');

    expect((await m.migrateTo('2026-11-30T1320-comment-bans')).error).toBeUndefined();
    const kept = await sql<{ code: string }>`select code from services`.execute(t.db);
    expect(kept.rows.map((r) => r.code)).toEqual(['en']);
    expect((await m.migrateToLatest()).error).toBeUndefined();
    expect(await t.store.read.services.findInfo('en')).toEqual({ about: '', email: '', postal: '', phone: '' });
  });
});
