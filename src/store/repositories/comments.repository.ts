import { sql, type Kysely, type Selectable } from 'kysely';
import type { Comment, CommentState } from '../../domain/comment/comment.js';
import type { Database } from '../database.js';

export class CommentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores a comment and keeps the story's visible count in step. Call inside a transaction. */
  async insert(comment: Omit<Comment, 'id'>): Promise<Comment> {
    const { id } = await this.db
      .insertInto('comments')
      .values({
        story_id: comment.storyId,
        parent_id: comment.parentId,
        author_name: comment.authorName,
        body: comment.body,
        state: comment.state,
        created_at: comment.createdAt.getTime(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (comment.state === 'visible') {
      await this.db
        .updateTable('stories')
        .set({ comment_count: sql`comment_count + 1` })
        .where('id', '=', comment.storyId)
        .execute();
    }
    return { ...comment, id };
  }

  async findById(id: number): Promise<Comment | undefined> {
    const row = await this.db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toComment(row);
  }

  async listVisible(storyId: number, page: { limit: number; offset: number }): Promise<Comment[]> {
    const rows = await this.db
      .selectFrom('comments')
      .selectAll()
      .where('story_id', '=', storyId)
      .where('state', '=', 'visible')
      .orderBy('created_at')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return rows.map(toComment);
  }

  /** Counted from the comments themselves: the check on the story's kept count. */
  async countVisible(storyId: number): Promise<number> {
    const row = await this.db
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('story_id', '=', storyId)
      .where('state', '=', 'visible')
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}

function toComment(row: Selectable<Database['comments']>): Comment {
  return {
    id: row.id,
    storyId: row.story_id,
    parentId: row.parent_id,
    authorName: row.author_name,
    body: row.body,
    state: row.state as CommentState,
    createdAt: new Date(Number(row.created_at)),
  };
}
