import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

export interface LoggedEvent {
  readonly id: number;
  readonly origin: string;
  /** JSON text, as appended. */
  readonly payload: string;
  readonly at: Date;
}

/** The shared event log: each transaction appends what it emitted; each process reads what the others did. */
export class EventLogRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(origin: string, payloads: readonly string[], now: Date): Promise<void> {
    if (payloads.length === 0) return;
    await this.db
      .insertInto('event_log')
      .values(payloads.map((payload) => ({ origin, payload, created_at: now.getTime() })))
      .execute();
  }

  /** Events of other processes with an id above `afterId`, oldest first. */
  async othersAfter(origin: string, afterId: number, limit: number): Promise<LoggedEvent[]> {
    const rows = await this.db
      .selectFrom('event_log')
      .selectAll()
      .where('id', '>', afterId)
      .where('origin', '<>', origin)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ id: row.id, origin: row.origin, payload: row.payload, at: new Date(Number(row.created_at)) }));
  }

  /** Events of every process (this one's too) with an id above `afterId`, oldest first: what live streams carry. */
  async after(afterId: number, limit: number): Promise<LoggedEvent[]> {
    const rows = await this.db.selectFrom('event_log').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
    return rows.map((row) => ({ id: row.id, origin: row.origin, payload: row.payload, at: new Date(Number(row.created_at)) }));
  }

  async lastId(): Promise<number> {
    const row = await this.db.selectFrom('event_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
    return row?.id === undefined || row.id === null ? 0 : Number(row.id);
  }

  async deleteBefore(time: Date): Promise<void> {
    await this.db.deleteFrom('event_log').where('created_at', '<', time.getTime()).execute();
  }
}
