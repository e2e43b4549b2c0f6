import type { Kysely } from 'kysely';
import type { StoryInput } from '../../domain/story/parse-story.js';
import type { RevisionKind, StoryRevision } from '../../domain/story/revision.js';
import type { Database } from '../database.js';

/** Every saved content of a story, oldest first; content is the StoryInput as checked on the way in. */
export class RevisionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(
    revision: { storyId: number; version: number; kind: RevisionKind; content: StoryInput; userId: number | null; autosave?: boolean },
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
        autosave: revision.autosave ? 1 : 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  /** The story's newest revision (the one an autosave may replace). */
  async latest(storyId: number): Promise<StoryRevision | undefined> {
    const row = await this.selectRows().where('r.story_id', '=', storyId).orderBy('r.id', 'desc').limit(1).executeTakeFirst();
    return row ? toRevision(row) : undefined;
  }

  /** An autosave replacing the same person's last autosave: its content, version and time become the new ones. */
  async replace(revisionId: number, revision: { version: number; content: StoryInput }, now: Date): Promise<void> {
    await this.db
      .updateTable('story_revisions')
      .set({ version: revision.version, content_json: JSON.stringify(revision.content), created_at: now.getTime() })
      .where('id', '=', revisionId)
      .execute();
  }

  /** Every revision of a story, oldest first, for the record kept when a draft is deleted. */
  async all(storyId: number): Promise<StoryRevision[]> {
    const rows = await this.selectRows().where('r.story_id', '=', storyId).orderBy('r.id', 'asc').execute();
    return rows.map(toRevision);
  }

  private selectRows() {
    return this.db
      .selectFrom('story_revisions as r')
      .leftJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.id', 'r.story_id', 'r.version', 'r.kind', 'r.content_json', 'r.user_id', 'r.created_at', 'r.autosave', 'u.name as user_name']);
  }

  async list(storyId: number, limit: number, offset: number): Promise<{ items: StoryRevision[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.selectRows()
        .where('r.story_id', '=', storyId)
        .orderBy('r.id', 'desc')
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
    const row = await this.selectRows().where('r.story_id', '=', storyId).where('r.id', '=', revisionId).executeTakeFirst();
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
  autosave: number;
  user_name: string | null;
}): StoryRevision {
  return {
    id: row.id,
    storyId: row.story_id,
    version: row.version,
    kind: row.kind as RevisionKind,
    // Stored content was checked by parseStoryInput on the way in.
    content: JSON.parse(row.content_json) as StoryInput,
    userId: row.user_id,
    userName: row.user_name,
    autosave: Number(row.autosave) === 1,
    at: new Date(Number(row.created_at)),
  };
}
