import { sql, type Kysely } from 'kysely';
import type { ApiToken } from '../../domain/user/api-token.js';
import type { AttemptCount } from '../../domain/user/throttle.js';
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

  async insertToken(userId: number, tokenHash: string, input: { label: string; expiresAt: Date | null }, now: Date): Promise<number> {
    const { id } = await this.db
      .insertInto('api_tokens')
      .values({ user_id: userId, token_hash: tokenHash, label: input.label, created_at: now.getTime(), expires_at: input.expiresAt?.getTime() ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  /** The token with this hash, if it exists (expired or not: the caller decides). */
  async findToken(tokenHash: string): Promise<ApiToken | undefined> {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row ? tokenFromRow(row) : undefined;
  }

  async findTokenUser(tokenHash: string): Promise<number | undefined> {
    return (await this.findToken(tokenHash))?.userId;
  }

  async findTokenById(id: number): Promise<ApiToken | undefined> {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? tokenFromRow(row) : undefined;
  }

  /** A user's tokens, newest first (a person has a handful; the limit keeps it bounded). */
  async listTokens(userId: number, limit: number): Promise<ApiToken[]> {
    const rows = await this.db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').limit(limit).execute();
    return rows.map(tokenFromRow);
  }

  /** Records a use, at most once per `precisionMs` (one cheap write, skipped when recent). */
  async touchToken(id: number, now: Date, precisionMs: number): Promise<void> {
    await this.db
      .updateTable('api_tokens')
      .set({ last_used_at: now.getTime() })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', now.getTime() - precisionMs)]))
      .execute();
  }

  async deleteToken(id: number): Promise<boolean> {
    const result = await this.db.deleteFrom('api_tokens').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async deleteUserTokens(userId: number): Promise<number> {
    const result = await this.db.deleteFrom('api_tokens').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /**
   * Adds one sign-in attempt to a key's counter and returns the new count, in one statement,
   * so attempts running at the same time are all counted. A window that has passed, or a lock
   * that has expired, starts the count again; the attempt that passes `max` sets the lock.
   */
  async countAttempt(key: string, now: Date, rule: { windowMs: number; lockMs: number; max: number }): Promise<AttemptCount> {
    const at = now.getTime();
    const current = sql.ref('sign_in_failures.failures');
    const lockedUntil = sql.ref('sign_in_failures.locked_until');
    const windowStart = sql.ref('sign_in_failures.window_start');
    const fresh = sql<boolean>`((${lockedUntil} is not null and ${lockedUntil} <= ${at}) or (${lockedUntil} is null and ${windowStart} <= ${at - rule.windowMs}))`;
    const row = await this.db
      .insertInto('sign_in_failures')
      .values({ key, failures: 1, window_start: at, locked_until: 1 > rule.max ? at + rule.lockMs : null })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql<number>`case when ${fresh} then 1 else ${current} + 1 end`,
          window_start: sql<number>`case when ${fresh} then ${at} else ${windowStart} end`,
          locked_until: sql<number | null>`case when ${fresh} then null when ${lockedUntil} is not null then ${lockedUntil} when ${current} + 1 > ${rule.max} then ${at + rule.lockMs} else null end`,
        }),
      )
      .returning(['failures', 'locked_until'])
      .executeTakeFirstOrThrow();
    return { attempts: Number(row.failures), lockedUntil: row.locked_until === null ? null : new Date(Number(row.locked_until)) };
  }

  /** Takes back one attempt of a key (a sign-in that succeeded does not count against its address). */
  async giveBackAttempt(key: string): Promise<void> {
    await this.db
      .updateTable('sign_in_failures')
      .set({ failures: sql<number>`failures - 1` })
      .where('key', '=', key)
      .where('failures', '>', 0)
      .execute();
  }

  async clearFailures(key: string): Promise<void> {
    await this.db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
  }
}

function tokenFromRow(row: {
  id: number;
  user_id: number;
  label: string;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
}): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    label: row.label,
    createdAt: new Date(Number(row.created_at)),
    expiresAt: row.expires_at === null ? null : new Date(Number(row.expires_at)),
    lastUsedAt: row.last_used_at === null ? null : new Date(Number(row.last_used_at)),
  };
}
