import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';

/** The editor's choice for each service's front page, and the per-day read counters behind "most read". */
export class FrontPageRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The chosen stories of a service, lead first. */
  async storyIds(serviceCode: string): Promise<number[]> {
    const rows = await this.db
      .selectFrom('front_page_stories')
      .select('story_id')
      .where('service_code', '=', serviceCode)
      .orderBy('position')
      .execute();
    return rows.map((row) => row.story_id);
  }

  /** Replaces the choice: call inside a transaction. */
  async replace(serviceCode: string, storyIds: readonly number[]): Promise<void> {
    await this.db.deleteFrom('front_page_stories').where('service_code', '=', serviceCode).execute();
    if (storyIds.length === 0) return;
    await this.db
      .insertInto('front_page_stories')
      .values(storyIds.map((storyId, index) => ({ service_code: serviceCode, position: index + 1, story_id: storyId })))
      .execute();
  }

  /** Adds reads to a story's counter for a day, in one statement (concurrent adds never lose a count). */
  async addReads(storyId: number, day: string, reads: number): Promise<void> {
    await this.db
      .insertInto('story_reads')
      .values({ story_id: storyId, day, reads })
      .onConflict((oc) => oc.columns(['story_id', 'day']).doUpdateSet({ reads: sql<number>`story_reads.reads + excluded.reads` }))
      .execute();
  }

  async readsOf(storyId: number, day: string): Promise<number> {
    const row = await this.db.selectFrom('story_reads').select('reads').where('story_id', '=', storyId).where('day', '=', day).executeTakeFirst();
    return row?.reads ?? 0;
  }

  /** The most read stories of a service from a day on, as ids with their reads, most first. */
  async mostRead(serviceCode: string, fromDay: string, limit: number): Promise<{ storyId: number; reads: number }[]> {
    const rows = await this.db
      .selectFrom('story_reads as r')
      .innerJoin('stories as s', 's.id', 'r.story_id')
      .select(['r.story_id', (eb) => eb.fn.sum<number | string>('r.reads').as('total')])
      .where('s.service_code', '=', serviceCode)
      .where('r.day', '>=', fromDay)
      .groupBy('r.story_id')
      .orderBy('total', 'desc')
      .orderBy('r.story_id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ storyId: row.story_id, reads: Number(row.total) }));
  }
}
