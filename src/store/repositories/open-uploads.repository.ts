import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { lockedRows } from '../dialect/row-locks.js';

/** Resumable uploads in progress, per person: the quota on open uploads. */
export class OpenUploadRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Records upload `id` for `userId` unless they already have `limit` open uploads started
   * since `since`. Run inside a transaction: the person's row is locked first (PostgreSQL), so
   * parallel requests count one after another and none slips past the limit.
   */
  async reserve(input: { id: string; userId: number; limit: number; since: Date; now: Date }): Promise<boolean> {
    const person = await lockedRows(this.db, this.db.selectFrom('users').select('id').where('id', '=', input.userId)).executeTakeFirst();
    if (!person) return false;
    if ((await this.countOpen(input.userId, input.since)) >= input.limit) return false;
    await this.db.insertInto('open_uploads').values({ id: input.id, user_id: input.userId, created_at: input.now.getTime() }).execute();
    return true;
  }

  async release(id: string): Promise<void> {
    await this.db.deleteFrom('open_uploads').where('id', '=', id).execute();
  }

  async countOpen(userId: number, since: Date): Promise<number> {
    const row = await this.db
      .selectFrom('open_uploads')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('user_id', '=', userId)
      .where('created_at', '>=', since.getTime())
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async deleteBefore(time: Date): Promise<void> {
    await this.db.deleteFrom('open_uploads').where('created_at', '<', time.getTime()).execute();
  }
}
