import { sql, type Kysely, type Selectable } from 'kysely';
import type { Comment, CommentProvenance, CommentState, QueuedComment } from '../../domain/comment/comment.js';
import type { Database } from '../database.js';

export type CommentSort = 'oldest' | 'newest';

export class CommentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores a comment and keeps the story's visible count in step. Call inside a transaction. */
  async insert(
    comment: Omit<Comment, 'id' | 'rootId' | 'editedAt'>,
    provenance: CommentProvenance = { addressHash: null, tokenHash: null },
  ): Promise<Comment> {
    const parent = comment.parentId === null ? undefined : await this.findById(comment.parentId);
    const rootId = parent ? (parent.rootId ?? parent.id) : null;
    const { id } = await this.db
      .insertInto('comments')
      .values({
        story_id: comment.storyId,
        parent_id: comment.parentId,
        root_id: rootId,
        author_name: comment.authorName,
        body: comment.body,
        state: comment.state,
        created_at: comment.createdAt.getTime(),
        address_hash: provenance.addressHash,
        token_hash: provenance.tokenHash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (comment.state === 'visible') await this.adjustCount(comment.storyId, 1);
    return { ...comment, id, rootId, editedAt: null };
  }

  async findById(id: number): Promise<Comment | undefined> {
    const row = await this.db.selectFrom('comments').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return row && toComment(row);
  }

  async findProvenance(id: number): Promise<CommentProvenance | undefined> {
    const row = await this.db.selectFrom('comments').select(['address_hash', 'token_hash']).where('id', '=', id).executeTakeFirst();
    return row && { addressHash: row.address_hash, tokenHash: row.token_hash };
  }

  /** Which of these comments were posted from the browser whose token hashes to `tokenHash`: one query for a whole page. */
  async filterByTokenHash(ids: readonly number[], tokenHash: string): Promise<number[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('comments').select('id').where('id', 'in', [...ids]).where('token_hash', '=', tokenHash).execute();
    return rows.map((row) => row.id);
  }

  /**
   * Moves a comment from one state to another, keeping the count in step. Only moves it if
   * it is still in `from`, so two moderators acting at once count it once. Returns whether it moved.
   */
  async changeState(comment: Pick<Comment, 'id' | 'storyId'>, from: CommentState, to: CommentState): Promise<boolean> {
    if (from === to) return false;
    const result = await this.db
      .updateTable('comments')
      .set({ state: to })
      .where('id', '=', comment.id)
      .where('state', '=', from)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    if (from === 'visible') await this.adjustCount(comment.storyId, -1);
    if (to === 'visible') await this.adjustCount(comment.storyId, 1);
    return true;
  }

  async updateBody(id: number, body: string, at: Date): Promise<void> {
    await this.db.updateTable('comments').set({ body, edited_at: at.getTime() }).where('id', '=', id).execute();
  }

  /** Removes a comment from view for good (its author deleted it); replies stay. */
  async markDeleted(comment: Comment, at: Date): Promise<void> {
    await this.db.updateTable('comments').set({ deleted_at: at.getTime() }).where('id', '=', comment.id).execute();
    if (comment.state === 'visible') await this.adjustCount(comment.storyId, -1);
  }

  /** Top comments of a story, a page at a time. */
  async listVisibleRoots(storyId: number, page: { limit: number; offset: number; sort?: CommentSort }): Promise<Comment[]> {
    const direction = page.sort === 'newest' ? 'desc' : 'asc';
    const rows = await this.visible()
      .where('story_id', '=', storyId)
      .where('parent_id', 'is', null)
      .orderBy('created_at', direction)
      .orderBy('id', direction)
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return rows.map(toComment);
  }

  /** Replies in the given threads, oldest first, at most `limit` in all. */
  async listVisibleReplies(rootIds: readonly number[], limit: number): Promise<Comment[]> {
    if (rootIds.length === 0) return [];
    const rows = await this.visible().where('root_id', 'in', rootIds).orderBy('created_at').orderBy('id').limit(limit).execute();
    return rows.map(toComment);
  }

  /** Every visible comment of a story in posting order, a page at a time (flat view, feeds). */
  async listVisible(storyId: number, page: { limit: number; offset: number }): Promise<Comment[]> {
    const rows = await this.visible()
      .where('story_id', '=', storyId)
      .orderBy('created_at')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return rows.map(toComment);
  }

  /** Counted from the comments themselves: the check on the story's kept count. */
  async countVisible(storyId: number): Promise<number> {
    const row = await this.visible()
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('story_id', '=', storyId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async countByStory(storyId: number): Promise<number> {
    const row = await this.db
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('story_id', '=', storyId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Whether the same author already posted the same text on this story. */
  async hasDuplicate(storyId: number, body: string, provenance: CommentProvenance): Promise<boolean> {
    const { addressHash, tokenHash } = provenance;
    if (!addressHash && !tokenHash) return false;
    const row = await this.db
      .selectFrom('comments')
      .select('id')
      .where('story_id', '=', storyId)
      .where('body', '=', body)
      .where('deleted_at', 'is', null)
      .where((eb) =>
        eb.or([
          ...(addressHash ? [eb('address_hash', '=', addressHash)] : []),
          ...(tokenHash ? [eb('token_hash', '=', tokenHash)] : []),
        ]),
      )
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Comments waiting for a moderator: held, or reported by readers. Oldest first, a page at a time. */
  async listQueue(serviceCode: string, page: { limit: number; offset: number }): Promise<QueuedComment[]> {
    const rows = await this.db
      .selectFrom('comments')
      .innerJoin('stories', 'stories.id', 'comments.story_id')
      .selectAll('comments')
      .select(['stories.headline as story_headline', 'stories.service_code as story_service_code'])
      .where('stories.service_code', '=', serviceCode)
      .where('comments.deleted_at', 'is', null)
      .where((eb) => eb.or([eb('comments.state', '=', 'held'), eb.and([eb('comments.state', '=', 'visible'), eb('comments.report_count', '>', 0)])]))
      .orderBy('comments.created_at')
      .orderBy('comments.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return rows.map((row) => ({
      ...toComment(row),
      serviceCode: row.story_service_code,
      storyHeadline: row.story_headline,
      reportCount: Number(row.report_count),
    }));
  }

  async addReport(commentId: number, reporterHash: string, at: Date): Promise<boolean> {
    const result = await this.db
      .insertInto('comment_reports')
      .values({ comment_id: commentId, reporter_hash: reporterHash, created_at: at.getTime() })
      .onConflict((oc) => oc.columns(['comment_id', 'reporter_hash']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    await this.db.updateTable('comments').set({ report_count: sql`report_count + 1` }).where('id', '=', commentId).execute();
    return true;
  }

  async clearReports(commentId: number): Promise<void> {
    await this.db.deleteFrom('comment_reports').where('comment_id', '=', commentId).execute();
    await this.db.updateTable('comments').set({ report_count: 0 }).where('id', '=', commentId).execute();
  }

  async reportCount(commentId: number): Promise<number> {
    const row = await this.db.selectFrom('comments').select('report_count').where('id', '=', commentId).executeTakeFirst();
    return Number(row?.report_count ?? 0);
  }

  private visible() {
    return this.db.selectFrom('comments').selectAll().where('state', '=', 'visible').where('deleted_at', 'is', null);
  }

  private async adjustCount(storyId: number, delta: 1 | -1): Promise<void> {
    await this.db
      .updateTable('stories')
      .set({ comment_count: delta > 0 ? sql`comment_count + 1` : sql`comment_count - 1` })
      .where('id', '=', storyId)
      .execute();
  }
}

function toComment(row: Selectable<Database['comments']>): Comment {
  return {
    id: row.id,
    storyId: row.story_id,
    parentId: row.parent_id,
    rootId: row.root_id,
    authorName: row.author_name,
    body: row.body,
    state: row.state as CommentState,
    createdAt: new Date(Number(row.created_at)),
    editedAt: row.edited_at === null ? null : new Date(Number(row.edited_at)),
  };
}
