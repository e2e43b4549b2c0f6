import type { Kysely, Selectable } from 'kysely';
import type { DeliveryState, WebhookDelivery, WebhookEndpoint, WebhookEvent } from '../../domain/distribution/webhook.js';
import type { Database } from '../database.js';
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from '../tables/distribution.table.js';

export class WebhookRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertEndpoint(endpoint: { serviceCode: string; url: string; events: readonly WebhookEvent[]; secret: string; createdBy: number | null }, now: Date): Promise<WebhookEndpoint> {
    const row = await this.db
      .insertInto('webhook_endpoints')
      .values({
        service_code: endpoint.serviceCode,
        url: endpoint.url,
        events_json: JSON.stringify(endpoint.events),
        secret: endpoint.secret,
        created_by: endpoint.createdBy,
        created_at: now.getTime(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toEndpoint(row);
  }

  async findEndpoint(id: number): Promise<(WebhookEndpoint & { secret: string }) | undefined> {
    const row = await this.db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { ...toEndpoint(row), secret: row.secret };
  }

  /** Endpoints of a service (null: every service's), newest first. */
  async listEndpoints(serviceCodes: readonly string[] | null, limit: number): Promise<WebhookEndpoint[]> {
    let query = this.db.selectFrom('webhook_endpoints').selectAll().orderBy('id', 'desc').limit(limit);
    if (serviceCodes) {
      if (serviceCodes.length === 0) return [];
      query = query.where('service_code', 'in', serviceCodes);
    }
    return (await query.execute()).map(toEndpoint);
  }

  /** Active endpoints of a service that asked for this event. */
  async endpointsFor(serviceCode: string, event: WebhookEvent): Promise<WebhookEndpoint[]> {
    const rows = await this.db.selectFrom('webhook_endpoints').selectAll().where('service_code', '=', serviceCode).where('disabled_at', 'is', null).execute();
    return rows.map(toEndpoint).filter((endpoint) => endpoint.events.includes(event));
  }

  async disableEndpoint(id: number, now: Date): Promise<void> {
    await this.db.updateTable('webhook_endpoints').set({ disabled_at: now.getTime() }).where('id', '=', id).where('disabled_at', 'is', null).execute();
  }

  async insertDelivery(delivery: { messageId: string; endpointId: number; event: WebhookEvent; payload: string }, now: Date): Promise<WebhookDelivery> {
    const row = await this.db
      .insertInto('webhook_deliveries')
      .values({
        message_id: delivery.messageId,
        endpoint_id: delivery.endpointId,
        event_type: delivery.event,
        payload: delivery.payload,
        state: 'pending',
        created_at: now.getTime(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toDelivery(row);
  }

  async findDelivery(id: number): Promise<WebhookDelivery | undefined> {
    const row = await this.db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toDelivery(row);
  }

  /** The delivery log of an endpoint, newest first. */
  async listDeliveries(endpointId: number, limit: number, offset: number): Promise<WebhookDelivery[]> {
    const rows = await this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('endpoint_id', '=', endpointId)
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map(toDelivery);
  }

  /** Records one attempt: its answer's status (null when there was none) and error; counts it atomically. */
  async recordAttempt(id: number, outcome: { state: DeliveryState; responseStatus: number | null; error: string | null }, now: Date): Promise<void> {
    await this.db
      .updateTable('webhook_deliveries')
      .set((eb) => ({
        state: outcome.state,
        attempts: eb('attempts', '+', 1),
        response_status: outcome.responseStatus,
        last_error: outcome.error,
        last_attempt_at: now.getTime(),
      }))
      .where('id', '=', id)
      .execute();
  }

  async markPending(id: number): Promise<void> {
    await this.db.updateTable('webhook_deliveries').set({ state: 'pending' }).where('id', '=', id).execute();
  }
}

function toEndpoint(row: Selectable<WebhookEndpointsTable>): WebhookEndpoint {
  return {
    id: row.id,
    serviceCode: row.service_code,
    url: row.url,
    events: JSON.parse(row.events_json) as WebhookEvent[],
    createdAt: new Date(Number(row.created_at)),
    disabledAt: row.disabled_at === null ? null : new Date(Number(row.disabled_at)),
  };
}

function toDelivery(row: Selectable<WebhookDeliveriesTable>): WebhookDelivery {
  return {
    id: row.id,
    messageId: row.message_id,
    endpointId: row.endpoint_id,
    event: row.event_type as WebhookEvent,
    payload: row.payload,
    state: row.state as DeliveryState,
    attempts: row.attempts,
    responseStatus: row.response_status,
    lastError: row.last_error,
    createdAt: new Date(Number(row.created_at)),
    lastAttemptAt: row.last_attempt_at === null ? null : new Date(Number(row.last_attempt_at)),
  };
}
