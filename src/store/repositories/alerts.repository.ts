import type { Kysely, Selectable } from 'kysely';
import type { Alert } from '../../domain/alert/alert.js';
import type { Database } from '../database.js';

export class AlertRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(alert: Omit<Alert, 'id'>, now: Date): Promise<Alert> {
    const { id } = await this.db
      .insertInto('alerts')
      .values({
        service_code: alert.serviceCode,
        text: alert.text,
        link_url: alert.linkUrl,
        starts_at: alert.startsAt.getTime(),
        expires_at: alert.expiresAt.getTime(),
        created_at: now.getTime(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ...alert, id };
  }

  async findById(id: number): Promise<Alert | undefined> {
    const row = await this.db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toAlert(row);
  }

  /** The newest alert live at `now`, if any: the one the banner shows. */
  async findLive(serviceCode: string, now: Date): Promise<Alert | undefined> {
    const t = now.getTime();
    const row = await this.db
      .selectFrom('alerts')
      .selectAll()
      .where('service_code', '=', serviceCode)
      .where('starts_at', '<=', t)
      .where('expires_at', '>', t)
      .orderBy('starts_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row && toAlert(row);
  }

  /** The next moment after `now` when the service's banner changes by itself (a start or an expiry). */
  async nextChangeAfter(serviceCode: string, now: Date): Promise<Date | null> {
    const t = now.getTime();
    const row = await this.db
      .selectFrom('alerts')
      .select((eb) => [
        eb.fn.min(eb.case().when('starts_at', '>', t).then(eb.ref('starts_at')).end()).as('next_start'),
        eb.fn.min('expires_at').as('next_expiry'),
      ])
      .where('service_code', '=', serviceCode)
      .where('expires_at', '>', t)
      .executeTakeFirst();
    const candidates = [row?.next_start, row?.next_expiry].filter((v): v is number => v !== null && v !== undefined);
    return candidates.length ? new Date(Math.min(...candidates.map(Number))) : null;
  }

  /** A service's alerts, newest start first. */
  async listForService(serviceCode: string, limit: number, offset: number): Promise<Alert[]> {
    const rows = await this.db
      .selectFrom('alerts')
      .selectAll()
      .where('service_code', '=', serviceCode)
      .orderBy('starts_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map(toAlert);
  }

  async expire(id: number, now: Date): Promise<void> {
    await this.db.updateTable('alerts').set({ expires_at: now.getTime() }).where('id', '=', id).execute();
  }
}

function toAlert(row: Selectable<Database['alerts']>): Alert {
  return {
    id: row.id,
    serviceCode: row.service_code,
    text: row.text,
    linkUrl: row.link_url,
    startsAt: new Date(Number(row.starts_at)),
    expiresAt: new Date(Number(row.expires_at)),
  };
}
