import { sql, type Kysely } from 'kysely';
import type { Body } from '../../domain/body/body.js';
import { bodyText } from '../../domain/body/body.js';
import { RECENCY_SCALE_DAYS, storySearchWords } from '../../domain/search/document.js';
import { searchLanguageOf, type SearchLanguage } from '../../domain/search/language.js';
import { isEmptyQuery, type SearchQuery } from '../../domain/search/query.js';
import { buildSnippet, type SnippetPart } from '../../domain/search/snippet.js';
import type { StorySummary } from '../../domain/story/story.js';
import type { Database } from '../database.js';
import { fullTextFor, stemmerFor, type FullText } from '../dialect/full-text.js';
import { toSummary } from './story-summary-row.js';
import { bodyShowsMedia } from './body-shows-media.js';

export interface ReaderSearch {
  readonly serviceCode: string;
  readonly query: SearchQuery;
  readonly now: Date;
  readonly sectionId?: number;
  /** Published at or after / before these times. */
  readonly from?: Date;
  readonly until?: Date;
  readonly limit: number;
  readonly offset: number;
}

export interface SearchHit extends StorySummary {
  readonly snippet: readonly SnippetPart[];
}

/**
 * The full-text index of stories. It is written in the write path of whatever changes what a
 * story's index holds (the story itself, a profile's name, a media item's text), inside the
 * same transaction, so search never lags behind a save.
 */
export class SearchRepository {
  private readonly fullText: FullText;

  constructor(private readonly db: Kysely<Database>) {
    this.fullText = fullTextFor(db);
  }

  async reindexStory(storyId: number): Promise<void> {
    await this.reindexStories([storyId]);
  }

  /** Several stories at once, in a handful of queries whatever their number. */
  async reindexStories(storyIds: readonly number[]): Promise<void> {
    if (storyIds.length === 0) return;
    const stories = await this.db
      .selectFrom('stories as s')
      .innerJoin('services as sv', 'sv.code', 's.service_code')
      .select(['s.id', 's.service_code', 's.headline', 's.deck', 's.body_json', 's.lead_media_id', 'sv.locale'])
      .where('s.id', 'in', storyIds)
      .execute();
    if (stories.length === 0) return;
    const ids = stories.map((story) => story.id);
    const bodies = new Map(stories.map((story) => [story.id, JSON.parse(story.body_json) as Body]));
    const mediaOf = new Map(
      stories.map((story) => {
        const body = bodies.get(story.id) ?? [];
        const mediaIds = body.flatMap((element) => (element.type === 'media' ? [element.mediaId] : []));
        if (story.lead_media_id !== null) mediaIds.push(story.lead_media_id);
        return [story.id, mediaIds];
      }),
    );
    const allMedia = [...new Set([...mediaOf.values()].flat())];
    const [tags, profiles, media] = await Promise.all([
      this.db
        .selectFrom('story_tags as st')
        .innerJoin('tags as t', 't.id', 'st.tag_id')
        .select(['st.story_id', 't.name'])
        .where('st.story_id', 'in', ids)
        .execute(),
      this.db
        .selectFrom('story_profiles as sp')
        .innerJoin('profiles as p', 'p.id', 'sp.profile_id')
        .select(['sp.story_id', 'p.name'])
        .where('sp.story_id', 'in', ids)
        .execute(),
      allMedia.length
        ? this.db.selectFrom('media_items').select(['id', 'title', 'caption', 'credit']).where('id', 'in', allMedia).execute()
        : Promise.resolve([]),
    ]);
    const mediaText = new Map(media.map((m) => [m.id, [m.title, m.caption ?? '', m.credit ?? '']]));
    await this.fullText.write(
      stories.map((story) => ({
        storyId: story.id,
        serviceCode: story.service_code,
        language: searchLanguageOf(story.locale),
        document: storySearchWords({
          headline: story.headline,
          deck: story.deck,
          body: bodies.get(story.id) ?? [],
          tags: tags.filter((t) => t.story_id === story.id).map((t) => t.name),
          profiles: profiles.filter((p) => p.story_id === story.id).map((p) => p.name),
          media: (mediaOf.get(story.id) ?? []).flatMap((id) => mediaText.get(id) ?? []),
        }),
      })),
    );
  }

  /** After a profile's name changed: the stories that link it. */
  async reindexStoriesWithProfile(profileId: number): Promise<void> {
    const rows = await this.db.selectFrom('story_profiles').select('story_id').where('profile_id', '=', profileId).execute();
    await this.reindexStories(rows.map((row) => row.story_id));
  }

  /** After a media item's title, caption or credit changed: the stories that show it. */
  async reindexStoriesWithMedia(mediaId: number): Promise<void> {
    const rows = await this.db
      .selectFrom('stories')
      .select('id')
      .where((eb) => eb.or([eb('lead_media_id', '=', mediaId), bodyShowsMedia(eb, mediaId)]))
      .execute();
    await this.reindexStories(rows.map((row) => row.id));
  }

  /** Stories the index lacks (saved before it existed), a batch at a time; returns how many. */
  /** A deleted story leaves the index. */
  async remove(storyId: number): Promise<void> {
    await this.fullText.remove(storyId);
  }

  async indexMissing(limit: number): Promise<number> {
    const rows = await this.db
      .selectFrom('stories')
      .select('id')
      // NOT EXISTS, not NOT IN: PostgreSQL runs the latter once per story when the ids outgrow work_mem.
      .where(sql<boolean>`not ${this.fullText.isIndexed(sql.ref('stories.id'))}`)
      .orderBy('id')
      .limit(limit)
      .execute();
    await this.reindexStories(rows.map((row) => row.id));
    return rows.length;
  }

  /** The search language of each of the given services (null: every service), grouped. */
  async languageGroups(serviceCodes: readonly string[] | null): Promise<Map<SearchLanguage, string[]>> {
    let query = this.db.selectFrom('services').select(['code', 'locale']);
    if (serviceCodes) {
      if (serviceCodes.length === 0) return new Map();
      query = query.where('code', 'in', serviceCodes);
    }
    const groups = new Map<SearchLanguage, string[]>();
    for (const row of await query.execute()) {
      const language = searchLanguageOf(row.locale);
      groups.set(language, [...(groups.get(language) ?? []), row.code]);
    }
    return groups;
  }

  /**
   * A condition on the stories aliased `alias`: of one of the grouped services and matching the
   * query in that service's language. For the newsroom's list, which keeps its own order.
   */
  matches(alias: string, query: SearchQuery, groups: Map<SearchLanguage, string[]>) {
    const branches = [...groups].map(
      ([language, codes]) =>
        sql<boolean>`(${sql.ref(`${alias}.service_code`)} in (${sql.join(codes)}) and ${sql.ref(`${alias}.id`)} in (${this.fullText.matchingIds(query, language)}))`,
    );
    return branches.length && !isEmptyQuery(query) ? sql<boolean>`(${sql.join(branches, sql` or `)})` : sql<boolean>`1 = 0`;
  }

  /**
   * A reader's search: published stories of one service visible now, best first (text score,
   * headline over deck over the rest, times recency), one page, each with a snippet.
   */
  async searchPublished(search: ReaderSearch): Promise<SearchHit[]> {
    if (isEmptyQuery(search.query)) return [];
    const service = await this.db.selectFrom('services').select('locale').where('code', '=', search.serviceCode).executeTakeFirst();
    if (!service) return [];
    const language = searchLanguageOf(service.locale);
    const now = search.now.getTime();
    const filters = [
      sql`s.service_code = ${search.serviceCode}`,
      sql`s.status = 'published'`,
      sql`s.published_at <= ${now}`,
    ];
    if (search.sectionId !== undefined) filters.push(sql`s.section_id = ${search.sectionId}`);
    if (search.from) filters.push(sql`s.published_at >= ${search.from.getTime()}`);
    if (search.until) filters.push(sql`s.published_at < ${search.until.getTime()}`);
    // The matches first, once, filtered as they are found (so the ranked few are all shown),
    // then each one's story by its key: left to itself, SQLite would walk the service's stories
    // and look each up in the matches (CROSS JOIN keeps its order; PostgreSQL plans it as any join).
    const filter = sql<boolean>`${sql.join(filters, sql` and `)}`;
    const { rows } = await sql<HitRow>`
      with m as materialized (${this.fullText.scored(search.query, language, search.serviceCode, filter)})
      select s.id, s.service_code, s.section_id, s.slug, s.headline, s.deck, s.lead_media_id, s.published_at,
        s.comment_count, s.body_json,
        m.score / (1.0 + (${now} - s.published_at) / cast(${RECENCY_SCALE_DAYS * 86_400_000} as double precision)) as rank
      from m
      cross join stories s
      where s.id = m.story_id and ${filter}
      order by rank desc, s.published_at desc, s.id desc
      limit ${search.limit} offset ${search.offset}`.execute(this.db);
    const stem = stemmerFor(language);
    return rows.map((row) => ({
      ...toSummary(row),
      snippet: buildSnippet(bodyText(JSON.parse(row.body_json) as Body), search.query, stem),
    }));
  }
}

interface HitRow {
  id: number;
  service_code: string;
  section_id: number | null;
  slug: string;
  headline: string;
  deck: string | null;
  lead_media_id: number | null;
  published_at: number;
  comment_count: number;
  body_json: string;
}
