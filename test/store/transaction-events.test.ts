import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAlert } from '../../src/actions/alerts/create-alert.js';
import { DomainError } from '../../src/domain/shared/errors.js';
import type { DatelineEvent } from '../../src/events/events.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenService, SYSTEM } from '../support/factories.js';
import { openTestStore, type TestStore } from '../support/store.js';

async function loggedEvents(t: TestStore): Promise<DatelineEvent[]> {
  const rows = await t.db.selectFrom('event_log').select(['payload', 'origin']).orderBy('id').execute();
  expect(new Set(rows.map((row) => row.origin))).toEqual(new Set(rows.length ? [t.store.origin] : []));
  return rows.map((row) => JSON.parse(row.payload) as DatelineEvent);
}

async function alertCount(t: TestStore): Promise<number> {
  return Number((await t.db.selectFrom('alerts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

describe.each(STORE_KINDS)('events emitted in a transaction on %s', (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
    await givenService(t.deps);
    await t.db.deleteFrom('event_log').execute();
    t.events.length = 0;
  });
  afterEach(async () => {
    await t?.close();
  });

  it('a committed transaction writes its events to the log with its change, and publishes them after commit', async () => {
    // A listener reading the store when it hears the event finds the change already committed.
    const seenByListener: Promise<number>[] = [];
    t.bus.subscribe(() => {
      seenByListener.push(alertCount(t));
    });
    const alert = await createAlert(t.deps, SYSTEM, { serviceCode: 'en', text: 'Polls close early', durationMinutes: 30 });

    const event: DatelineEvent = { type: 'alert.changed', serviceCode: 'en', alertId: alert.id };
    expect(t.events).toEqual([event]);
    expect(await loggedEvents(t)).toEqual([event]);
    expect(await Promise.all(seenByListener)).toEqual([1]);
  });

  it('a transaction that rolls back neither publishes its events nor leaves them in the log', async () => {
    const failure = await t.store
      .transaction(async (repos, emit) => {
        await repos.alerts.insert({ serviceCode: 'en', text: 'Never sent', linkUrl: null, startsAt: t.clock.now(), expiresAt: new Date(t.clock.now().getTime() + 60_000) }, t.clock.now());
        emit({ type: 'alert.changed', serviceCode: 'en', alertId: 1 });
        throw new DomainError('FIELD_INVALID', 'invalid', 'refused after the event was emitted');
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DomainError);
    expect(t.events).toEqual([]);
    expect(await loggedEvents(t)).toEqual([]);
    expect(await alertCount(t)).toBe(0);
  });

  it('the log write is part of the transaction: if it fails, the change is undone and nothing is published', async () => {
    await refuseEventLogWrites(t);
    try {
      await expect(createAlert(t.deps, SYSTEM, { serviceCode: 'en', text: 'Polls close early', durationMinutes: 30 })).rejects.toThrow();
      expect(await alertCount(t)).toBe(0);
      expect(t.events).toEqual([]);
    } finally {
      // Test databases are emptied and used again: the trigger must not outlive this test.
      await sql`DROP TRIGGER refuse_event_log${t.kind === 'postgres' ? sql` ON event_log` : sql``}`.execute(t.db);
      if (t.kind === 'postgres') await sql`DROP FUNCTION refuse_event_log()`.execute(t.db);
    }
  });

  it('refuses an event emitted after its transaction ended', async () => {
    let late: ((event: DatelineEvent) => void) | undefined;
    await t.store.transaction(async (_repos, emit) => {
      late = emit;
    });
    expect(() => late?.({ type: 'services.changed' })).toThrow(/after its transaction ended/);
    expect(t.events).toEqual([]);
    expect(await loggedEvents(t)).toEqual([]);
  });
});

/** Makes every insert into event_log fail, as a full disk or a lost connection would at that moment. */
async function refuseEventLogWrites(t: TestStore): Promise<void> {
  if (t.kind === 'sqlite') {
    await sql`CREATE TRIGGER refuse_event_log BEFORE INSERT ON event_log BEGIN SELECT RAISE(ABORT, 'event log refused'); END`.execute(t.db);
    return;
  }
  await sql`CREATE FUNCTION refuse_event_log() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'event log refused'; END $$ LANGUAGE plpgsql`.execute(t.db);
  await sql`CREATE TRIGGER refuse_event_log BEFORE INSERT ON event_log FOR EACH ROW EXECUTE FUNCTION refuse_event_log()`.execute(t.db);
}
