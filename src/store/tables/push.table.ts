import type { Generated } from 'kysely';

export interface PushKeysTable {
  id: number;
  public_key: string;
  private_key: string;
  created_at: number;
}

export interface PushSubscriptionsTable {
  id: Generated<number>;
  service_code: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: number;
}
