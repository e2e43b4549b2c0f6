import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

export interface AuditEntry {
  readonly id: number;
  readonly userId: number | null;
  /** The person's name as it is now; null for the system (or an account since removed). */
  readonly userName: string | null;
  readonly action: string;
  readonly subject: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly at: Date;
}

export interface AuditFilter {
  readonly userId?: number;
  readonly action?: string;
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

  /** Newest first; by one person and/or one action when asked (each has its index). */
  async list(limit: number, offset: number, filter: AuditFilter = {}): Promise<AuditEntry[]> {
    let query = this.db
      .selectFrom('audit_log as a')
      .leftJoin('users as u', 'u.id', 'a.user_id')
      .select(['a.id', 'a.user_id', 'u.name as user_name', 'a.action', 'a.subject', 'a.details_json', 'a.created_at'])
      .orderBy('a.id', 'desc')
      .limit(limit)
      .offset(offset);
    if (filter.userId !== undefined) query = query.where('a.user_id', '=', filter.userId);
    if (filter.action !== undefined) query = query.where('a.action', '=', filter.action);
    const rows = await query.execute();
    return rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      userName: row.user_name,
      action: row.action,
      subject: row.subject,
      details: JSON.parse(row.details_json) as Record<string, unknown>,
      at: new Date(Number(row.created_at)),
    }));
  }

  /** The people and the actions the log holds: the choices of its filters. */
  async choices(): Promise<{ users: { id: number; name: string }[]; actions: string[] }> {
    const [users, actions] = await Promise.all([
      this.db
        .selectFrom('users as u')
        .select(['u.id', 'u.name'])
        .where((eb) => eb.exists(eb.selectFrom('audit_log as a').select('a.id').whereRef('a.user_id', '=', 'u.id')))
        .orderBy('u.name')
        .execute(),
      this.db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute(),
    ]);
    return { users, actions: actions.map((row) => row.action) };
  }
}
