import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrator } from '../../src/store/open-store.js';
import { STORE_KINDS } from '../support/databases.js';
import { openTestStore, type TestStore } from '../support/store.js';

describe.each(STORE_KINDS)('the comment bans migration on %s', (kind) => {
  let t: TestStore | undefined;
  afterEach(async () => t?.close());

  it('keeps the bans made before it (standing, no end), enforces them, and goes down and up again', async () => {
    t = await openTestStore(kind);
    const m = migrator(t.db, t.kind, { schema: t.schema });
    expect((await m.migrateTo('2026-11-30T1220-front-page')).error).toBeUndefined();
    await sql`insert into services (code, name, locale, direction, outlet, position) values ('en', 'English', 'en', 'ltr', 'RFE/RL', 0)`.execute(t.db);
    await sql`insert into comment_bans (service_code, kind, hash, created_at) values ('en', 'address', 'addr-hash', 5), ('en', 'token', 'token-hash', 6)`.execute(t.db);

    expect((await m.migrateToLatest()).error).toBeUndefined();
    const bans = await t.store.read.commentRules.listBans('en', { limit: 10, offset: 0 });
    expect(bans.map((b) => [b.kind, b.label, b.endsAt, b.liftedAt, b.createdAt.getTime()])).toEqual([
      ['token', '', null, null, 6],
      ['address', '', null, null, 5],
    ]);
    const now = new Date(10);
    expect(await t.store.read.commentRules.isBanned('en', { address: 'addr-hash' }, now)).toBe(true);
    expect(await t.store.read.commentRules.isBanned('en', { token: 'token-hash', pseudonym: 'someone' }, now)).toBe(true);
    expect(await t.store.read.commentRules.isBanned('en', { address: 'other', token: 'other' }, now)).toBe(false);
    await expect(sql`insert into comment_bans (service_code, kind, hash, created_at) values ('en', 'token', 'token-hash', 7)`.execute(t.db)).rejects.toThrow();

    expect((await m.migrateTo('2026-11-30T1220-front-page')).error).toBeUndefined();
    const kept = await sql<{ kind: string }>`select kind from comment_bans order by kind`.execute(t.db);
    expect(kept.rows.map((r) => r.kind)).toEqual(['address', 'token']);
    expect((await m.migrateToLatest()).error).toBeUndefined();
  });
});
