import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

/** A story in a translation group, with its service. */
export interface GroupMember {
  readonly storyId: number;
  readonly serviceCode: string;
}

/**
 * Translation groups: stories that are versions of each other in different services. A group
 * is named by its smallest story id (groups are disjoint, so the names are too).
 */
export class TranslationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The stories of the story's group, itself included, smallest id first; [] when it has none. */
  async groupOf(storyId: number): Promise<GroupMember[]> {
    const rows = await this.db
      .selectFrom('story_translations as t')
      .innerJoin('story_translations as me', 'me.group_id', 't.group_id')
      .select(['t.story_id', 't.service_code'])
      .where('me.story_id', '=', storyId)
      .orderBy('t.story_id')
      .execute();
    return rows.map((row) => ({ storyId: row.story_id, serviceCode: row.service_code }));
  }

  /** The groups of many stories at once (sitemaps): each story id to its whole group, smallest id first. */
  async groupsOf(storyIds: readonly number[]): Promise<Map<number, GroupMember[]>> {
    const groups = new Map<number, GroupMember[]>();
    for (let i = 0; i < storyIds.length; i += 1_000) {
      const rows = await this.db
        .selectFrom('story_translations as t')
        .innerJoin('story_translations as me', 'me.group_id', 't.group_id')
        .select(['me.story_id as of', 't.story_id', 't.service_code'])
        .where('me.story_id', 'in', storyIds.slice(i, i + 1_000))
        .orderBy('t.story_id')
        .execute();
      for (const row of rows) {
        const members = groups.get(row.of) ?? [];
        members.push({ storyId: row.story_id, serviceCode: row.service_code });
        groups.set(row.of, members);
      }
    }
    return groups;
  }

  /**
   * Makes `members` one group and nothing else: each leaves the group it was in, and a group
   * left with a single story is dissolved. Call inside a transaction. Returns the ids of every
   * story whose group changed (the members and those they left), so their pages are purged.
   */
  async replaceGroup(members: readonly GroupMember[]): Promise<number[]> {
    const ids = members.map((m) => m.storyId);
    const touched = new Set<number>(ids);
    const left = await this.db
      .selectFrom('story_translations as t')
      .innerJoin('story_translations as me', 'me.group_id', 't.group_id')
      .select('t.story_id')
      .where('me.story_id', 'in', ids.length ? ids : [0])
      .execute();
    for (const row of left) touched.add(row.story_id);
    await this.leave(ids);
    if (members.length > 1) {
      const groupId = Math.min(...ids);
      await this.db
        .insertInto('story_translations')
        .values(members.map((m) => ({ story_id: m.storyId, group_id: groupId, service_code: m.serviceCode })))
        .execute();
    }
    return [...touched].sort((a, b) => a - b);
  }

  /** Takes stories out of their groups; a group left with one story is dissolved, one left with more is renamed after its smallest id. */
  async leave(storyIds: readonly number[]): Promise<void> {
    if (storyIds.length === 0) return;
    const groups = await this.db.selectFrom('story_translations').select('group_id').distinct().where('story_id', 'in', storyIds).execute();
    await this.db.deleteFrom('story_translations').where('story_id', 'in', storyIds).execute();
    for (const { group_id: groupId } of groups) {
      const rest = await this.db.selectFrom('story_translations').select('story_id').where('group_id', '=', groupId).orderBy('story_id').execute();
      if (rest.length === 1) await this.db.deleteFrom('story_translations').where('group_id', '=', groupId).execute();
      else if (rest.length > 1 && rest[0]!.story_id !== groupId) {
        await this.db.updateTable('story_translations').set({ group_id: rest[0]!.story_id }).where('group_id', '=', groupId).execute();
      }
    }
  }
}
