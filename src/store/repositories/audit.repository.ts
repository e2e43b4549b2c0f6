import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

export interface AuditEntry {
  readonly id: number;
  readonly userId: number | null;
  readonly action: string;
  readonly subject: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly at: Date;
}

/** Who did what: written in the same transaction as the change it records. */
export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(entry: { userId: number | null; action: string; subject: string; details?: Record<string, unknown> }, now: Date): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        user_id: entry.userId,
        action: entry.action,
        subject: entry.subject,
        details_json: JSON.stringify(entry.details ?? {}),
        created_at: now.getTime(),
      })
      .execute();
  }

  async list(limit: number, offset: number): Promise<AuditEntry[]> {
    const rows = await this.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute();
    return rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      action: row.action,
      subject: row.subject,
      details: JSON.parse(row.details_json) as Record<string, unknown>,
      at: new Date(Number(row.created_at)),
    }));
  }
}
