import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

export interface SessionRecord {
  readonly userId: number;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

/** Sessions, personal API tokens and failed sign-in counters. Secrets arrive here already hashed. */
export class SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertSession(tokenHash: string, session: SessionRecord, now: Date): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        token_hash: tokenHash,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        created_at: now.getTime(),
        expires_at: session.expiresAt.getTime(),
      })
      .execute();
  }

  async findSession(tokenHash: string): Promise<SessionRecord | undefined> {
    const row = await this.db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row ? { userId: row.user_id, csrfToken: row.csrf_token, expiresAt: new Date(Number(row.expires_at)) } : undefined;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteUserSessions(userId: number): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async insertToken(userId: number, tokenHash: string, label: string, now: Date): Promise<number> {
    const { id } = await this.db
      .insertInto('api_tokens')
      .values({ user_id: userId, token_hash: tokenHash, label, created_at: now.getTime() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async findTokenUser(tokenHash: string): Promise<number | undefined> {
    const row = await this.db.selectFrom('api_tokens').select('user_id').where('token_hash', '=', tokenHash).executeTakeFirst();
    return row?.user_id;
  }

  async findFailures(key: string): Promise<{ failures: number; windowStart: Date; lockedUntil: Date | null } | undefined> {
    const row = await this.db.selectFrom('sign_in_failures').selectAll().where('key', '=', key).executeTakeFirst();
    if (!row) return undefined;
    return {
      failures: row.failures,
      windowStart: new Date(Number(row.window_start)),
      lockedUntil: row.locked_until === null ? null : new Date(Number(row.locked_until)),
    };
  }

  async saveFailures(key: string, state: { failures: number; windowStart: Date; lockedUntil: Date | null }): Promise<void> {
    const values = {
      failures: state.failures,
      window_start: state.windowStart.getTime(),
      locked_until: state.lockedUntil?.getTime() ?? null,
    };
    await this.db
      .insertInto('sign_in_failures')
      .values({ key, ...values })
      .onConflict((oc) => oc.column('key').doUpdateSet(values))
      .execute();
  }

  async clearFailures(key: string): Promise<void> {
    await this.db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
  }
}
