import type { Generated } from 'kysely';

export interface ContentApiKeysTable {
  id: Generated<number>;
  name: string;
  key_hash: string;
  key_prefix: string;
  requests_per_minute: number;
  created_by: number | null;
  created_at: number;
  revoked_at: number | null;
}

export interface WebhookEndpointsTable {
  id: Generated<number>;
  service_code: string;
  url: string;
  events_json: string;
  secret: string;
  created_by: number | null;
  created_at: number;
  disabled_at: number | null;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  message_id: string;
  endpoint_id: number;
  event_type: string;
  payload: string;
  state: string;
  attempts: Generated<number>;
  response_status: number | null;
  last_error: string | null;
  created_at: number;
  last_attempt_at: number | null;
}
