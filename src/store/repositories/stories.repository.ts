import { sql, type Kysely, type Selectable } from 'kysely';
import { bodyReferences, type Body } from '../../domain/body/body.js';
import { parseSearchQuery } from '../../domain/search/query.js';
import type { SitemapStory } from '../../domain/distribution/sitemap.js';
import type { StoryInput } from '../../domain/story/parse-story.js';
import type {
  CommentsState,
  NoteKind,
  Story,
  StoryNote,
  StoryStatus,
  StorySummary,
} from '../../domain/story/story.js';
import type { Database } from '../database.js';
import { containsPattern } from './contains-pattern.js';
import { toSummary } from './story-summary-row.js';
import { bodyShowsMedia } from './body-shows-media.js';
import { SearchRepository } from './search.repository.js';

export interface ListFilter {
  readonly serviceCode: string;
  readonly now: Date;
  readonly sectionId?: number;
  readonly tagId?: number;
  readonly profileId?: number;
  /** Stories sharing a topic or a person with this story (itself left out): "related stories". */
  readonly sharingWith?: { readonly storyId: number; readonly tagIds: readonly number[]; readonly profileIds: readonly number[] };
  readonly limit: number;
  readonly offset: number;
}

export interface NewsroomFilter {
  /** null: every service. */
  readonly serviceCodes: readonly string[] | null;
  readonly sectionId?: number;
  readonly status?: StoryStatus;
  readonly authorId?: number;
  /**
   * Full-text, in the index in each service's language (drafts too), or a piece of the
   * headline, so a title typed halfway (the editor's pickers search as you type) finds it.
   */
  readonly text?: string;
  readonly limit: number;
  readonly offset: number;
}

export interface NewsroomSummary {
  readonly id: number;
  readonly serviceCode: string;
  readonly sectionId: number | null;
  readonly headline: string;
  readonly status: StoryStatus;
  readonly authorId: number | null;
  /** The author's and the section's names as they are now (null: none, or since removed). */
  readonly authorName: string | null;
  readonly sectionName: string | null;
  readonly publishedAt: Date | null;
  readonly modifiedAt: Date;
  readonly version: number;
  /** When it is scheduled to publish, or its pending update to go live (null: nothing scheduled). */
  readonly scheduledAt: Date | null;
  /** A live story with changes readers do not see yet. */
  readonly pending: boolean;
}

/** Something on the desk's upcoming list: a story to publish, or a live story's update to put live. */
export interface UpcomingItem {
  readonly id: number;
  readonly serviceCode: string;
  readonly headline: string;
  readonly kind: 'publish' | 'update';
  readonly at: Date;
}

export class StoryRepository {
  private readonly search: SearchRepository;

  constructor(private readonly db: Kysely<Database>) {
    this.search = new SearchRepository(db);
  }

  async insert(
    input: StoryInput,
    state: { status: StoryStatus; publishedAt: Date | null; updatedAt: Date | null; authorId?: number | null },
    now: Date,
  ): Promise<number> {
    const { id } = await this.db
      .insertInto('stories')
      .values({
        ...storyColumns(input),
        status: state.status,
        published_at: state.publishedAt?.getTime() ?? null,
        updated_at: state.updatedAt?.getTime() ?? null,
        author_id: state.authorId ?? null,
        created_at: now.getTime(),
        modified_at: now.getTime(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.replaceLinks(id, input.tagIds, input.body);
    await this.search.reindexStory(id);
    return id;
  }

  /**
   * Saves new content and moves the version on by one; returns the new version. With
   * `expectedVersion`, the check is part of the write (compare-and-set): the row is changed only
   * if it is still at that version, and undefined is returned otherwise. A concurrent save that
   * got there first holds the row until it commits, so on PostgreSQL this save then sees its
   * version and changes nothing.
   */
  async update(id: number, input: StoryInput, now: Date, expectedVersion?: number): Promise<number | undefined> {
    let query = this.db
      .updateTable('stories')
      .set((eb) => ({ ...storyColumns(input), modified_at: now.getTime(), version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const row = await query.returning('version').executeTakeFirst();
    if (!row) return undefined;
    await this.replaceLinks(id, input.tagIds, input.body);
    await this.search.reindexStory(id);
    return row.version;
  }

  /**
   * A save of a live story's pending version: moves the version on by one (compare-and-set as
   * in update) and leaves what readers see alone. Returns the new version, undefined when stale.
   */
  async bumpVersion(id: number, expectedVersion?: number): Promise<number | undefined> {
    let query = this.db
      .updateTable('stories')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const row = await query.returning('version').executeTakeFirst();
    return row?.version;
  }

  /** The story's pending version: the revision it is and when it goes live by itself. */
  async pendingOf(id: number): Promise<{ revisionId: number; applyAt: Date | null } | undefined> {
    const row = await this.db
      .selectFrom('stories')
      .select(['pending_revision_id', 'pending_apply_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || row.pending_revision_id === null) return undefined;
    return { revisionId: row.pending_revision_id, applyAt: toDate(row.pending_apply_at) };
  }

  /** Points the story at its pending version (null: none), and when it goes live by itself. */
  async setPending(id: number, revisionId: number | null, applyAt: Date | null): Promise<void> {
    await this.db
      .updateTable('stories')
      .set({ pending_revision_id: revisionId, pending_apply_at: revisionId === null ? null : (applyAt?.getTime() ?? null) })
      .where('id', '=', id)
      .execute();
  }

  /**
   * Takes a scheduled story whose time has come for publishing: true for the one caller (of
   * all nodes) whose write changed it, false when another got there first.
   */
  async claimScheduled(id: number, now: Date): Promise<boolean> {
    const row = await this.db
      .updateTable('stories')
      .set({ status: 'published', modified_at: now.getTime() })
      .where('id', '=', id)
      .where('status', '=', 'scheduled')
      .where('published_at', '<=', now.getTime())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Takes a due scheduled update (pending version) for applying: true for one caller only. */
  async claimPendingUpdate(id: number, revisionId: number, now: Date): Promise<boolean> {
    const row = await this.db
      .updateTable('stories')
      .set({ pending_revision_id: null, pending_apply_at: null })
      .where('id', '=', id)
      .where('pending_revision_id', '=', revisionId)
      .where('pending_apply_at', '<=', now.getTime())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Live stories whose scheduled update has come due, oldest first. */
  async duePendingUpdates(now: Date, limit: number): Promise<{ id: number; serviceCode: string; revisionId: number }[]> {
    const rows = await this.db
      .selectFrom('stories')
      .select(['id', 'service_code', 'pending_revision_id'])
      .where('pending_apply_at', '<=', now.getTime())
      .where('pending_revision_id', 'is not', null)
      .orderBy('pending_apply_at')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, serviceCode: r.service_code, revisionId: Number(r.pending_revision_id) }));
  }

  /**
   * What is scheduled from `from` on, soonest first: stories to publish and updates of live
   * stories to put live, of these services (null: every service).
   */
  async listUpcoming(filter: { serviceCodes: readonly string[] | null; from: Date; limit: number }): Promise<UpcomingItem[]> {
    if (filter.serviceCodes && filter.serviceCodes.length === 0) return [];
    let query = this.db
      .selectFrom('stories')
      .select(['id', 'service_code', 'headline', 'status', 'published_at', 'pending_apply_at'])
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'scheduled'), eb('published_at', '>=', filter.from.getTime())]),
          eb.and([eb('pending_revision_id', 'is not', null), eb('pending_apply_at', '>=', filter.from.getTime())]),
        ]),
      );
    if (filter.serviceCodes) query = query.where('service_code', 'in', filter.serviceCodes);
    const rows = await query.limit(filter.limit).execute();
    return rows
      .map((row) => {
        const update = row.status !== 'scheduled';
        return {
          id: row.id,
          serviceCode: row.service_code,
          headline: row.headline,
          kind: update ? ('update' as const) : ('publish' as const),
          at: new Date(Number(update ? row.pending_apply_at : row.published_at)),
        };
      })
      .sort((a, b) => a.at.getTime() - b.at.getTime() || a.id - b.id);
  }

  /** The story's current version (undefined: no such story). */
  async currentVersion(id: number): Promise<number | undefined> {
    const row = await this.db.selectFrom('stories').select('version').where('id', '=', id).executeTakeFirst();
    return row?.version;
  }

  /** Scheduled stories whose time has come, oldest first. */
  async dueScheduled(now: Date, limit: number): Promise<{ id: number; serviceCode: string }[]> {
    const rows = await this.db
      .selectFrom('stories')
      .select(['id', 'service_code'])
      .where('status', '=', 'scheduled')
      .where('published_at', '<=', now.getTime())
      .orderBy('published_at')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, serviceCode: r.service_code }));
  }

  /** When the next scheduled (embargoed) story or scheduled update of a live story is due, if any. */
  async nextScheduledAt(): Promise<Date | null> {
    const [story, update] = await Promise.all([
      this.db
        .selectFrom('stories')
        .select((eb) => eb.fn.min('published_at').as('next'))
        .where('status', '=', 'scheduled')
        .executeTakeFirst(),
      this.db
        .selectFrom('stories')
        .select((eb) => eb.fn.min('pending_apply_at').as('next'))
        .where('pending_revision_id', 'is not', null)
        .executeTakeFirst(),
    ]);
    const times = [story?.next, update?.next].filter((t) => t !== null && t !== undefined).map(Number);
    return times.length ? new Date(Math.min(...times)) : null;
  }

  /** The newsroom's list: every status, newest change first, filtered and paginated. */
  async listForNewsroom(filter: NewsroomFilter): Promise<{ items: NewsroomSummary[]; total: number }> {
    let query = this.db.selectFrom('stories as s');
    if (filter.serviceCodes) {
      if (filter.serviceCodes.length === 0) return { items: [], total: 0 };
      query = query.where('s.service_code', 'in', filter.serviceCodes);
    }
    if (filter.sectionId !== undefined) query = query.where('s.section_id', '=', filter.sectionId);
    if (filter.status !== undefined) query = query.where('s.status', '=', filter.status);
    if (filter.authorId !== undefined) query = query.where('s.author_id', '=', filter.authorId);
    if (filter.text) {
      const groups = await this.search.languageGroups(filter.serviceCodes);
      const fullText = this.search.matches('s', parseSearchQuery(filter.text), groups);
      const pattern = containsPattern(filter.text);
      query = query.where((eb) => eb.or([fullText, sql<boolean>`lower(${eb.ref('s.headline')}) like ${pattern} escape '\\'`]));
    }
    const [rows, count] = await Promise.all([
      query
        .leftJoin('users as author', 'author.id', 's.author_id')
        .leftJoin('sections as section', 'section.id', 's.section_id')
        .select(['s.id', 's.service_code', 's.section_id', 's.headline', 's.status', 's.author_id', 's.published_at', 's.modified_at', 's.version', 's.pending_revision_id', 's.pending_apply_at'])
        .select(['author.name as author_name', 'section.name as section_name'])
        // Scheduled stories: the soonest first, as a desk reads its schedule.
        .orderBy(filter.status === 'scheduled' ? 's.published_at' : 's.modified_at', filter.status === 'scheduled' ? 'asc' : 'desc')
        .orderBy('s.id', 'desc')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    return {
      total: Number(count?.n ?? 0),
      items: rows.map((row) => ({
        id: row.id,
        serviceCode: row.service_code,
        sectionId: row.section_id,
        headline: row.headline,
        status: row.status as StoryStatus,
        authorId: row.author_id,
        authorName: row.author_name,
        sectionName: row.section_name,
        publishedAt: toDate(row.published_at),
        modifiedAt: new Date(Number(row.modified_at)),
        version: row.version,
        scheduledAt: row.status === 'scheduled' ? toDate(row.published_at) : row.pending_revision_id !== null ? toDate(row.pending_apply_at) : null,
        pending: row.pending_revision_id !== null,
      })),
    };
  }

  async setStatus(id: number, status: StoryStatus, publishedAt: Date | null, now: Date): Promise<void> {
    await this.db
      .updateTable('stories')
      .set({ status, published_at: publishedAt?.getTime() ?? null, modified_at: now.getTime() })
      .where('id', '=', id)
      .execute();
  }

  /** Deletes a story (its revisions, notes and links go with it) and takes it out of the search index. */
  async delete(id: number): Promise<void> {
    await this.search.remove(id);
    await this.db.deleteFrom('stories').where('id', '=', id).execute();
  }

  async setCommentsState(id: number, state: CommentsState, now: Date): Promise<void> {
    await this.db
      .updateTable('stories')
      .set({ comments_state: state, modified_at: now.getTime() })
      .where('id', '=', id)
      .execute();
  }

  /** Adds an "updated" note or a correction; both move the story's shown update time. */
  async addNote(storyId: number, note: { kind: NoteKind; text: string }, now: Date): Promise<void> {
    await this.db
      .insertInto('story_notes')
      .values({ story_id: storyId, kind: note.kind, text: note.text, created_at: now.getTime() })
      .execute();
    await this.db
      .updateTable('stories')
      .set({ updated_at: now.getTime(), modified_at: now.getTime() })
      .where('id', '=', storyId)
      .execute();
  }

  async findById(id: number): Promise<(Story & { commentCount: number }) | undefined> {
    const row = await this.db.selectFrom('stories').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const [tags, notes] = await Promise.all([
      this.db.selectFrom('story_tags').select('tag_id').where('story_id', '=', id).orderBy('tag_id').execute(),
      this.db
        .selectFrom('story_notes')
        .select(['kind', 'text', 'created_at'])
        .where('story_id', '=', id)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
    ]);
    return storyOfRow(
      row,
      tags.map((t) => t.tag_id),
      notes.map((n): StoryNote => ({ kind: n.kind as NoteKind, text: n.text, at: new Date(Number(n.created_at)) })),
    );
  }

  /**
   * Stories by id, with their tags and notes, in three queries whatever their number (feeds and
   * the Content API load a page of them at once); ids that name no story are left out, the rest
   * come in the order asked.
   */
  async findByIds(ids: readonly number[]): Promise<(Story & { commentCount: number })[]> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return [];
    const [rows, tags, notes] = await Promise.all([
      this.db.selectFrom('stories').selectAll().where('id', 'in', wanted).execute(),
      this.db.selectFrom('story_tags').select(['story_id', 'tag_id']).where('story_id', 'in', wanted).orderBy('tag_id').execute(),
      this.db
        .selectFrom('story_notes')
        .select(['story_id', 'kind', 'text', 'created_at'])
        .where('story_id', 'in', wanted)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
    ]);
    const tagsOf = byStory(tags, (t) => t.tag_id);
    const notesOf = byStory(notes, (n): StoryNote => ({ kind: n.kind as NoteKind, text: n.text, at: new Date(Number(n.created_at)) }));
    const byId = new Map(rows.map((row) => [row.id, storyOfRow(row, tagsOf.get(row.id) ?? [], notesOf.get(row.id) ?? [])]));
    return wanted.map((id) => byId.get(id)).filter((story): story is Story & { commentCount: number } => story !== undefined);
  }

  /** Published stories visible at `filter.now`, newest first. */
  async listPublished(filter: ListFilter): Promise<StorySummary[]> {
    const rows = await this.visible(filter)
      .select([
        's.id',
        's.service_code',
        's.section_id',
        's.slug',
        's.headline',
        's.deck',
        's.lead_media_id',
        's.published_at',
        's.comment_count',
      ])
      .orderBy('s.published_at', 'desc')
      .orderBy('s.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    return rows.map(toSummary);
  }

  /** Published, visible summaries of the given stories (for "related" cards), any service. */
  async findVisibleSummaries(ids: readonly number[], now: Date): Promise<StorySummary[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('stories')
      .select([
        'id',
        'service_code',
        'section_id',
        'slug',
        'headline',
        'deck',
        'lead_media_id',
        'published_at',
        'comment_count',
      ])
      .where('id', 'in', ids)
      .where('status', '=', 'published')
      .where('published_at', '<=', now.getTime())
      .execute();
    return rows.map(toSummary);
  }

  /**
   * Published, visible stories of a service for its sitemaps, oldest id first (so a page of
   * 50,000 keeps its stories as more are published); `since`: published at or after it only.
   */
  async countPublished(filter: Omit<ListFilter, 'limit' | 'offset'>): Promise<number> {
    const row = await this.visible(filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async listForSitemap(filter: { serviceCode: string; now: Date; since?: Date; limit: number; offset: number }): Promise<SitemapStory[]> {
    let query = this.db
      .selectFrom('stories')
      .select(['id', 'service_code', 'slug', 'headline', 'deck', 'lead_media_id', 'lead_media_caption', 'published_at', 'updated_at', 'modified_at'])
      .where('service_code', '=', filter.serviceCode)
      .where('status', '=', 'published')
      .where('published_at', '<=', filter.now.getTime());
    if (filter.since) query = query.where('published_at', '>=', filter.since.getTime());
    const rows = await query.orderBy('id').limit(filter.limit).offset(filter.offset).execute();
    return rows.map((row) => {
      const published = Number(row.published_at);
      return {
        id: row.id,
        serviceCode: row.service_code,
        slug: row.slug,
        headline: row.headline,
        deck: row.deck,
        leadMediaId: row.lead_media_id,
        leadMediaCaption: row.lead_media_caption,
        publishedAt: new Date(published),
        lastModified: new Date(Math.max(published, Number(row.modified_at), Number(row.updated_at ?? 0))),
      };
    });
  }

  /**
   * Ids of published, visible stories newest first, after a position in that order (keyset
   * pagination: stories published meanwhile come before the position, so a client walking the
   * pages sees each story once). `updatedSince`: saved, noted or published at or after it, or a live entry of it posted, edited or deleted.
   */
  async listPublishedIds(filter: {
    now: Date;
    serviceCode?: string;
    sectionId?: number;
    tagId?: number;
    updatedSince?: Date;
    after?: { publishedAt: Date; id: number };
    limit: number;
  }): Promise<{ id: number; publishedAt: Date }[]> {
    let query = this.db
      .selectFrom('stories as s')
      .select(['s.id', 's.published_at'])
      .where('s.status', '=', 'published')
      .where('s.published_at', '<=', filter.now.getTime());
    if (filter.serviceCode !== undefined) query = query.where('s.service_code', '=', filter.serviceCode);
    if (filter.sectionId !== undefined) query = query.where('s.section_id', '=', filter.sectionId);
    if (filter.tagId !== undefined) {
      const tagId = filter.tagId;
      query = query.where(({ exists, selectFrom }) =>
        exists(selectFrom('story_tags as st').select('st.story_id').whereRef('st.story_id', '=', 's.id').where('st.tag_id', '=', tagId)),
      );
    }
    if (filter.updatedSince) {
      const since = filter.updatedSince.getTime();
      query = query.where((eb) =>
        eb.or([
          eb('s.modified_at', '>=', since),
          eb('s.published_at', '>=', since),
          eb('s.updated_at', '>=', since),
          // A live story changes with its entries: one posted, edited or deleted since.
          eb.exists(eb.selectFrom('live_entries as le').select('le.id').whereRef('le.story_id', '=', 's.id').where('le.modified_at', '>=', since)),
        ]),
      );
    }
    if (filter.after) {
      const { publishedAt, id } = filter.after;
      query = query.where((eb) =>
        eb.or([eb('s.published_at', '<', publishedAt.getTime()), eb.and([eb('s.published_at', '=', publishedAt.getTime()), eb('s.id', '<', id)])]),
      );
    }
    const rows = await query.orderBy('s.published_at', 'desc').orderBy('s.id', 'desc').limit(filter.limit).execute();
    return rows.map((row) => ({ id: row.id, publishedAt: new Date(Number(row.published_at)) }));
  }

  /** Whether a media item is shown by a visible story: as its lead, or in its body. */
  async isMediaPublic(mediaId: number, now: Date): Promise<boolean> {
    return (await this.findStoryShowingMedia(mediaId, now)) !== undefined;
  }

  /** The first visible story showing a media item (as its lead, or in its body), if any. */
  async findStoryShowingMedia(
    mediaId: number,
    now: Date,
  ): Promise<
    | (Pick<Story, 'id' | 'serviceCode' | 'slug' | 'headline' | 'leadMediaId' | 'leadMediaCaption' | 'leadMediaCredit'>)
    | undefined
  > {
    const row = await this.db
      .selectFrom('stories')
      .select(['id', 'service_code', 'slug', 'headline', 'lead_media_id', 'lead_media_caption', 'lead_media_credit'])
      .where('status', '=', 'published')
      .where('published_at', '<=', now.getTime())
      .where((eb) => eb.or([eb('lead_media_id', '=', mediaId), bodyShowsMedia(eb, mediaId)]))
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return (
      row && {
        id: row.id,
        serviceCode: row.service_code,
        slug: row.slug,
        headline: row.headline,
        leadMediaId: row.lead_media_id,
        leadMediaCaption: row.lead_media_caption,
        leadMediaCredit: row.lead_media_credit,
      }
    );
  }

  /** When the service's published stories last changed (null: it has none). */
  async lastModified(serviceCode: string, now: Date): Promise<Date | null> {
    const row = await this.db
      .selectFrom('stories')
      .select((eb) => [eb.fn.max('modified_at').as('modified'), eb.fn.max('published_at').as('published')])
      .where('service_code', '=', serviceCode)
      .where('status', '=', 'published')
      .where('published_at', '<=', now.getTime())
      .executeTakeFirst();
    if (!row || row.published === null) return null;
    return new Date(Math.max(Number(row.modified), Number(row.published)));
  }

  async existingIds(ids: readonly number[]): Promise<number[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('stories').select('id').where('id', 'in', ids).execute();
    return rows.map((r) => r.id);
  }

  private visible(filter: Omit<ListFilter, 'limit' | 'offset'>) {
    let query = this.db
      .selectFrom('stories as s')
      .where('s.service_code', '=', filter.serviceCode)
      .where('s.status', '=', 'published')
      .where('s.published_at', '<=', filter.now.getTime());
    if (filter.sectionId !== undefined) query = query.where('s.section_id', '=', filter.sectionId);
    if (filter.tagId !== undefined) {
      const tagId = filter.tagId;
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('story_tags as st').select('st.story_id').whereRef('st.story_id', '=', 's.id').where('st.tag_id', '=', tagId),
        ),
      );
    }
    if (filter.profileId !== undefined) {
      const profileId = filter.profileId;
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('story_profiles as sp')
            .select('sp.story_id')
            .whereRef('sp.story_id', '=', 's.id')
            .where('sp.profile_id', '=', profileId),
        ),
      );
    }
    if (filter.sharingWith !== undefined) {
      const { storyId, tagIds, profileIds } = filter.sharingWith;
      query = query.where('s.id', '<>', storyId).where(({ or, exists, selectFrom }) =>
        or([
          ...(tagIds.length ? [exists(selectFrom('story_tags as rt').select('rt.story_id').whereRef('rt.story_id', '=', 's.id').where('rt.tag_id', 'in', tagIds))] : []),
          ...(profileIds.length
            ? [exists(selectFrom('story_profiles as rp').select('rp.story_id').whereRef('rp.story_id', '=', 's.id').where('rp.profile_id', 'in', profileIds))]
            : []),
        ]),
      );
    }
    return query;
  }

  private async replaceLinks(storyId: number, tagIds: readonly number[], body: Body): Promise<void> {
    await this.db.deleteFrom('story_tags').where('story_id', '=', storyId).execute();
    if (tagIds.length) {
      await this.db
        .insertInto('story_tags')
        .values(tagIds.map((tagId) => ({ story_id: storyId, tag_id: tagId })))
        .execute();
    }
    await this.db.deleteFrom('story_profiles').where('story_id', '=', storyId).execute();
    const { profileIds } = bodyReferences(body);
    if (profileIds.length) {
      await this.db
        .insertInto('story_profiles')
        .values(profileIds.map((profileId) => ({ story_id: storyId, profile_id: profileId })))
        .execute();
    }
  }
}

function storyColumns(input: StoryInput) {
  return {
    service_code: input.serviceCode,
    section_id: input.sectionId,
    slug: input.slug,
    headline: input.headline,
    deck: input.deck,
    dateline_place: input.dateline?.place ?? null,
    dateline_outlet: input.dateline?.outlet ?? null,
    bylines_json: JSON.stringify(input.bylines),
    credits_json: JSON.stringify(input.credits),
    body_json: JSON.stringify(input.body),
    lead_media_id: input.leadMediaId,
    lead_media_caption: input.leadMediaCaption ?? null,
    lead_media_credit: input.leadMediaCredit ?? null,
    comments_state: input.commentsState,
  };
}

function toDate(value: number | null): Date | null {
  return value === null ? null : new Date(Number(value));
}

/** Rows of a story's own table (tags, notes), grouped by story in their order, each made into what the story holds. */
function byStory<R extends { story_id: number }, T>(rows: readonly R[], of: (row: R) => T): Map<number, T[]> {
  const grouped = new Map<number, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.story_id);
    if (list) list.push(of(row));
    else grouped.set(row.story_id, [of(row)]);
  }
  return grouped;
}

/** A stories row with its tags and notes, as the domain's story. */
function storyOfRow(row: Selectable<Database['stories']>, tagIds: number[], notes: StoryNote[]): Story & { commentCount: number } {
  return {
    id: row.id,
    serviceCode: row.service_code,
    sectionId: row.section_id,
    slug: row.slug,
    headline: row.headline,
    deck: row.deck,
    dateline:
      row.dateline_place && row.dateline_outlet ? { place: row.dateline_place, outlet: row.dateline_outlet } : null,
    bylines: JSON.parse(row.bylines_json) as string[],
    credits: JSON.parse(row.credits_json) as string[],
    // Stored bodies were checked by parseBody on the way in.
    body: JSON.parse(row.body_json) as Body,
    leadMediaId: row.lead_media_id,
    leadMediaCaption: row.lead_media_caption,
    leadMediaCredit: row.lead_media_credit,
    tagIds,
    status: row.status as StoryStatus,
    publishedAt: toDate(row.published_at),
    updatedAt: toDate(row.updated_at),
    notes,
    commentsState: row.comments_state as CommentsState,
    commentCount: row.comment_count,
    createdAt: new Date(Number(row.created_at)),
    modifiedAt: new Date(Number(row.modified_at)),
    authorId: row.author_id,
    version: row.version,
  };
}
