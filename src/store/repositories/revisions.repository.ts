import type { Kysely } from 'kysely';
import type { StoryInput } from '../../domain/story/parse-story.js';
import type { RevisionKind, StoryRevision } from '../../domain/story/revision.js';
import type { Database } from '../database.js';

/** Every saved content of a story, oldest first; content is the StoryInput as checked on the way in. */
export class RevisionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(
    revision: { storyId: number; version: number; kind: RevisionKind; content: StoryInput; userId: number | null },
    now: Date,
  ): Promise<number> {
    const { id } = await this.db
      .insertInto('story_revisions')
      .values({
        story_id: revision.storyId,
        version: revision.version,
        kind: revision.kind,
        content_json: JSON.stringify(revision.content),
        user_id: revision.userId,
        created_at: now.getTime(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async list(storyId: number, limit: number, offset: number): Promise<{ items: StoryRevision[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.db
        .selectFrom('story_revisions')
        .selectAll()
        .where('story_id', '=', storyId)
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
      this.db
        .selectFrom('story_revisions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('story_id', '=', storyId)
        .executeTakeFirst(),
    ]);
    return { items: rows.map(toRevision), total: Number(count?.n ?? 0) };
  }

  async find(storyId: number, revisionId: number): Promise<StoryRevision | undefined> {
    const row = await this.db
      .selectFrom('story_revisions')
      .selectAll()
      .where('story_id', '=', storyId)
      .where('id', '=', revisionId)
      .executeTakeFirst();
    return row ? toRevision(row) : undefined;
  }
}

function toRevision(row: {
  id: number;
  story_id: number;
  version: number;
  kind: string;
  content_json: string;
  user_id: number | null;
  created_at: number;
}): StoryRevision {
  return {
    id: row.id,
    storyId: row.story_id,
    version: row.version,
    kind: row.kind as RevisionKind,
    // Stored content was checked by parseStoryInput on the way in.
    content: JSON.parse(row.content_json) as StoryInput,
    userId: row.user_id,
    at: new Date(Number(row.created_at)),
  };
}
