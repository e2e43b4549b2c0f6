import type { Kysely, Selectable } from 'kysely';
import type { Body } from '../../domain/body/body.js';
import type { LiveEntry, LiveEntryInput, LiveEntryRevision, LiveEntryRevisionKind } from '../../domain/story/live-entry.js';
import type { Database } from '../database.js';
import type { LiveEntriesTable } from '../tables/live-entries.table.js';

function toEntry(row: Selectable<LiveEntriesTable>): LiveEntry {
  return {
    id: row.id,
    storyId: row.story_id,
    // Stored bodies were checked by parseBody on the way in.
    body: JSON.parse(row.body) as Body,
    pinned: Number(row.pinned) === 1,
    keyEvent: Number(row.key_event) === 1,
    version: row.version,
    authorId: row.author_id,
    createdAt: new Date(Number(row.created_at)),
    modifiedAt: new Date(Number(row.modified_at)),
  };
}

/** Live stories: whether a story is live, its entries and their revisions. */
export class LiveEntryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** When the story went live, or null (not live, or no such story). */
  async liveSince(storyId: number): Promise<Date | null> {
    const row = await this.db.selectFrom('stories').select('live_since').where('id', '=', storyId).executeTakeFirst();
    return row?.live_since === null || row?.live_since === undefined ? null : new Date(Number(row.live_since));
  }

  /** Which of these stories are live. */
  async liveAmong(storyIds: readonly number[]): Promise<Set<number>> {
    if (storyIds.length === 0) return new Set();
    const rows = await this.db.selectFrom('stories').select('id').where('id', 'in', storyIds).where('live_since', 'is not', null).execute();
    return new Set(rows.map((row) => row.id));
  }

  /** For each of these stories that is or was live (live now, or has entries): since when it is live (null: ended) and how many entries it shows. One query. */
  async states(storyIds: readonly number[]): Promise<Map<number, { since: Date | null; entryCount: number }>> {
    const states = new Map<number, { since: Date | null; entryCount: number }>();
    if (storyIds.length === 0) return states;
    const rows = await this.db
      .selectFrom('stories')
      .leftJoin('live_entries', (join) => join.onRef('live_entries.story_id', '=', 'stories.id').on('live_entries.deleted_at', 'is', null))
      .select(['stories.id', 'stories.live_since', (eb) => eb.fn.count<number>('live_entries.id').as('n')])
      .where('stories.id', 'in', storyIds)
      .groupBy(['stories.id', 'stories.live_since'])
      .execute();
    for (const row of rows) {
      const since = row.live_since === null ? null : new Date(Number(row.live_since));
      const entryCount = Number(row.n);
      if (since || entryCount > 0) states.set(row.id, { since, entryCount });
    }
    return states;
  }

  async setLive(storyId: number, since: Date | null): Promise<void> {
    await this.db.updateTable('stories').set({ live_since: since?.getTime() ?? null }).where('id', '=', storyId).execute();
  }

  async insert(storyId: number, input: LiveEntryInput, authorId: number | null, now: Date): Promise<LiveEntry> {
    const row = await this.db
      .insertInto('live_entries')
      .values({
        story_id: storyId,
        body: JSON.stringify(input.body),
        pinned: input.pinned ? 1 : 0,
        key_event: input.keyEvent ? 1 : 0,
        author_id: authorId,
        created_at: now.getTime(),
        modified_at: now.getTime(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toEntry(row);
  }

  /** A live (not deleted) entry. */
  async find(entryId: number): Promise<LiveEntry | undefined> {
    const row = await this.db.selectFrom('live_entries').selectAll().where('id', '=', entryId).where('deleted_at', 'is', null).executeTakeFirst();
    return row && toEntry(row);
  }

  /** Saves new content if the entry is still at `expectedVersion` (compare-and-set); undefined otherwise. */
  async update(entryId: number, input: LiveEntryInput, expectedVersion: number, now: Date): Promise<LiveEntry | undefined> {
    const row = await this.db
      .updateTable('live_entries')
      .set((eb) => ({
        body: JSON.stringify(input.body),
        pinned: input.pinned ? 1 : 0,
        key_event: input.keyEvent ? 1 : 0,
        version: eb('version', '+', 1),
        modified_at: now.getTime(),
      }))
      .where('id', '=', entryId)
      .where('version', '=', expectedVersion)
      .where('deleted_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row && toEntry(row);
  }

  /** Takes an entry off the page; returns whether it was there. Its revisions stay. */
  async delete(entryId: number, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('live_entries')
      .set({ deleted_at: now.getTime(), modified_at: now.getTime() })
      .where('id', '=', entryId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async recordRevision(entry: LiveEntry, kind: LiveEntryRevisionKind, userId: number | null, now: Date): Promise<void> {
    await this.db
      .insertInto('live_entry_revisions')
      .values({
        entry_id: entry.id,
        version: entry.version,
        kind,
        body: JSON.stringify(entry.body),
        pinned: entry.pinned ? 1 : 0,
        key_event: entry.keyEvent ? 1 : 0,
        user_id: userId,
        at: now.getTime(),
      })
      .execute();
  }

  async revisions(entryId: number, limit: number): Promise<LiveEntryRevision[]> {
    const rows = await this.db.selectFrom('live_entry_revisions').selectAll().where('entry_id', '=', entryId).orderBy('id').limit(limit).execute();
    return rows.map((row) => ({
      entryId: row.entry_id,
      version: row.version,
      kind: row.kind as LiveEntryRevisionKind,
      body: JSON.parse(row.body) as Body,
      pinned: Number(row.pinned) === 1,
      keyEvent: Number(row.key_event) === 1,
      userId: row.user_id,
      at: new Date(Number(row.at)),
    }));
  }

  /** A page of a story's entries: pinned first, then newest first. */
  async page(storyId: number, limit: number, offset: number): Promise<LiveEntry[]> {
    const rows = await this.db
      .selectFrom('live_entries')
      .selectAll()
      .where('story_id', '=', storyId)
      .where('deleted_at', 'is', null)
      .orderBy('pinned', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map(toEntry);
  }

  /** The story's key events, newest first. */
  async keyEvents(storyId: number, limit: number): Promise<LiveEntry[]> {
    const rows = await this.db
      .selectFrom('live_entries')
      .selectAll()
      .where('story_id', '=', storyId)
      .where('deleted_at', 'is', null)
      .where('key_event', '=', 1)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toEntry);
  }

  async count(storyId: number): Promise<number> {
    const row = await this.db
      .selectFrom('live_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('story_id', '=', storyId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
