import type { Kysely } from 'kysely';
import { createEventBus, type EventBus } from '../../src/events/event-bus.js';
import type { DatelineEvent } from '../../src/events/events.js';
import { fixedClock } from '../../src/domain/shared/clock.js';
import type { Database } from '../../src/store/database.js';
import { migrateToLatest, openDatabase } from '../../src/store/open-store.js';
import { createStore, type Store } from '../../src/store/store.js';
import type { ActionDeps } from '../../src/actions/deps.js';
import { createTestDatabase, type StoreKind } from './databases.js';

export const T0 = new Date('2026-11-29T12:00:00.000Z');

export interface TestStore {
  readonly db: Kysely<Database>;
  readonly kind: StoreKind;
  readonly schema: string | undefined;
  readonly store: Store;
  readonly clock: ReturnType<typeof fixedClock>;
  readonly events: DatelineEvent[];
  /** The bus the store publishes committed events on. */
  readonly bus: EventBus;
  readonly deps: ActionDeps;
  close(): Promise<void>;
}

/** A migrated, empty store of the given kind, with a fixed clock and a record of the events its transactions published. */
export async function openTestStore(kind: StoreKind): Promise<TestStore> {
  const database = await createTestDatabase(kind);
  const location = database.schema ? { schema: database.schema } : {};
  const db = openDatabase(database.config, location);
  await migrateToLatest(db, kind, location);
  const clock = fixedClock(T0);
  const events: DatelineEvent[] = [];
  const bus = createEventBus((error) => {
    throw error;
  });
  bus.subscribe((event) => {
    events.push(event);
  });
  const store = createStore(db, kind, { clock, onCommitted: (emitted) => emitted.forEach((event) => bus.publish(event)) });
  return {
    db,
    kind,
    schema: database.schema,
    store,
    clock,
    events,
    bus,
    deps: { store, clock },
    close: async () => {
      await db.destroy();
      await database.cleanup();
    },
  };
}
