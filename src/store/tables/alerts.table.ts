import type { Generated } from 'kysely';

export interface AlertsTable {
  id: Generated<number>;
  service_code: string;
  text: string;
  link_url: string | null;
  starts_at: number;
  expires_at: number;
  created_at: number;
}
