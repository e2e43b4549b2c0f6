import type { Generated } from 'kysely';

export interface EventLogTable {
  id: Generated<number>;
  /** The process that published the event. */
  origin: string;
  /** The event as JSON text. */
  payload: string;
  created_at: number;
}
