import type { Kysely } from 'kysely';
import type { PushSubscription } from '../../domain/alert/push-subscription.js';
import type { Database } from '../database.js';

export interface VapidKeys {
  readonly publicKey: string;
  readonly privateKey: string;
}

/** Web Push: the install's VAPID keys and readers' subscriptions. */
export class PushRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async vapidKeys(): Promise<VapidKeys | undefined> {
    const row = await this.db.selectFrom('push_keys').selectAll().where('id', '=', 1).executeTakeFirst();
    return row && { publicKey: row.public_key, privateKey: row.private_key };
  }

  /** Stores these keys unless some node stored keys first; returns the keys kept. */
  async keepVapidKeys(keys: VapidKeys, now: Date): Promise<VapidKeys> {
    await this.db
      .insertInto('push_keys')
      .values({ id: 1, public_key: keys.publicKey, private_key: keys.privateKey, created_at: now.getTime() })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    return (await this.vapidKeys())!;
  }

  /** Adds a subscription, or moves an endpoint already known to this service with its new keys. */
  async subscribe(serviceCode: string, subscription: Omit<PushSubscription, 'id' | 'serviceCode'>, now: Date): Promise<void> {
    await this.db
      .insertInto('push_subscriptions')
      .values({ service_code: serviceCode, endpoint: subscription.endpoint, p256dh: subscription.keys.p256dh, auth: subscription.keys.auth, created_at: now.getTime() })
      .onConflict((oc) => oc.column('endpoint').doUpdateSet({ service_code: serviceCode, p256dh: subscription.keys.p256dh, auth: subscription.keys.auth }))
      .execute();
  }

  async unsubscribe(endpoint: string): Promise<boolean> {
    const result = await this.db.deleteFrom('push_subscriptions').where('endpoint', '=', endpoint).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('push_subscriptions').where('id', '=', id).execute();
  }

  async find(id: number): Promise<PushSubscription | undefined> {
    const row = await this.db.selectFrom('push_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { id: row.id, serviceCode: row.service_code, endpoint: row.endpoint, keys: { p256dh: row.p256dh, auth: row.auth } };
  }

  /** Ids of a service's subscriptions after `afterId`, in order: a fan-out walks them a page at a time. */
  async idsAfter(serviceCode: string, afterId: number, limit: number): Promise<number[]> {
    const rows = await this.db.selectFrom('push_subscriptions').select('id').where('service_code', '=', serviceCode).where('id', '>', afterId).orderBy('id').limit(limit).execute();
    return rows.map((row) => row.id);
  }

  async count(serviceCode: string): Promise<number> {
    const row = await this.db.selectFrom('push_subscriptions').select((eb) => eb.fn.countAll<number>().as('n')).where('service_code', '=', serviceCode).executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
