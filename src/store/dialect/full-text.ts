import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import { newStemmer, type Stemmer as SnowballStemmer } from 'snowball-stemmers';
import type { SearchLanguage, Stemmer } from '../../domain/search/language.js';
import type { SearchQuery, SearchTerm } from '../../domain/search/query.js';
import type { Database } from '../database.js';

/** A story's words for the index, normalised by the domain, by weight. */
export interface SearchDocument {
  readonly headline: readonly string[];
  readonly deck: readonly string[];
  /** Body text, tags, profile names, media titles and captions. */
  readonly rest: readonly string[];
}

export interface IndexEntry {
  readonly storyId: number;
  readonly serviceCode: string;
  readonly language: SearchLanguage;
  readonly document: SearchDocument;
}

/**
 * Where full-text search differs between the stores. Both receive words the domain has
 * already normalised and split, so tokenising is the same on both; every value is bound.
 * - PostgreSQL stems with the text-search configuration named like the language ('english',
 *   'russian', 'simple') in `to_tsvector` and `plainto_tsquery`/`phraseto_tsquery`.
 * - SQLite stems in JavaScript with the same Snowball algorithms (snowball-stemmers) and keeps
 *   the stems in FTS5; a query is an FTS5 expression of quoted stems, bound as one value.
 */
export interface FullText {
  /** Puts these stories' documents in the index, replacing what it held for them. */
  write(entries: readonly IndexEntry[]): Promise<void>;
  /** The ids of stories matching the query: `s.id in (...)`. */
  matchingIds(query: SearchQuery, language: SearchLanguage): RawBuilder<number>;
  /**
   * One service's matching stories that pass `filter` (a condition on the stories aliased `s`:
   * status, time, section, date range), each with a text score (higher is better), for ranking:
   * at most the RANKED_MATCHES newest (by id) of them. The filter applies before that cut, so a
   * narrow section keeps every match it has among them; and a word found in half the archive
   * costs no more to rank than a rarer one (the score, the dear part, is computed for those few).
   */
  scored(
    query: SearchQuery,
    language: SearchLanguage,
    serviceCode: string,
    filter: RawBuilder<boolean>,
  ): RawBuilder<{ story_id: number; score: number }>;
  /** The condition "the story with this id is in the index" (an anti-join when negated). */
  isIndexed(storyId: RawBuilder<unknown>): RawBuilder<boolean>;
  /** Takes a deleted story out of the index (PostgreSQL's row goes with the story; FTS5 has no foreign key). */
  remove(storyId: number): Promise<void>;
}

export function fullTextFor(db: Kysely<Database>): FullText {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgresFullText(db) : sqliteFullText(db);
}

/** How many of a query's newest matches (after the filters) are ranked (see `scored`). */
export const RANKED_MATCHES = 150;
/**
 * Both stores: the query is first tested on the service's RECENT_WINDOW newest stories that pass
 * the filters; COMMON_MATCHES or more matches there (2%) make it common, ranked among those.
 */
const RECENT_WINDOW = 1_000;
const COMMON_MATCHES = 20;

/** Tsvectors are limited in size: a very long body is indexed up to this many words. */
const MAX_WORDS = 60_000;

function postgresFullText(db: Kysely<Database>): FullText {
  const term = (language: SearchLanguage, t: SearchTerm) =>
    t.words.length === 1
      ? sql`plainto_tsquery(${language}::regconfig, ${t.words[0]})`
      : sql`phraseto_tsquery(${language}::regconfig, ${t.words.join(' ')})`;
  const tsquery = (query: SearchQuery, language: SearchLanguage) =>
    sql.join(
      [...query.include.map((t) => term(language, t)), ...query.exclude.map((t) => sql`!!${term(language, t)}`)],
      sql` && `,
    );
  return {
    async write(entries) {
      if (entries.length === 0) return;
      const words = (part: keyof SearchDocument) => entries.map((e) => e.document[part].slice(0, MAX_WORDS).join(' '));
      // One statement for the lot: the documents arrive as arrays and are unnested.
      await sql`insert into story_search (story_id, service_code, language, document)
        select u.id, u.service_code, u.language,
          setweight(to_tsvector(u.language::regconfig, u.headline), 'A')
          || setweight(to_tsvector(u.language::regconfig, u.deck), 'B')
          || setweight(to_tsvector(u.language::regconfig, u.rest), 'C')
        from unnest(${entries.map((e) => e.storyId)}::int[], ${entries.map((e) => e.serviceCode)}::text[], ${entries.map((e) => e.language)}::text[],
          ${words('headline')}::text[], ${words('deck')}::text[], ${words('rest')}::text[]) as u(id, service_code, language, headline, deck, rest)
        on conflict (story_id) do update
          set service_code = excluded.service_code, language = excluded.language, document = excluded.document`.execute(db);
    },
    matchingIds: (query, language) =>
      sql<number>`select story_id from story_search where document @@ (${tsquery(query, language)})`,
    // Two bounded ways to the newest matches, as the query's frequency calls for, both with the
    // filters applied first. The query is tested on the RECENT_WINDOW newest stories that pass the
    // filters (their documents looked up by key, one at a time); when COMMON_MATCHES or more match,
    // or the filters leave no more stories than that (a narrow section or date range: all were
    // tested), the newest of those matches are ranked. Otherwise the query is rare, and its few
    // matches come from the GIN index, filtered. Only the chosen matches are scored. Left to
    // itself the planner takes one way for every query and misjudges phrases (it estimates a
    // phrase as its words); OFFSET 0 keeps the lateral lookups apart, so the walk stays a walk.
    scored: (query, language, serviceCode, filter) => {
      const q = tsquery(query, language);
      return sql<{ story_id: number; score: number }>`with recent as materialized (
          select w.id as story_id, d.document @@ (${q}) as hit from (
            select s.id from stories s where s.service_code = ${serviceCode} and ${filter} order by s.id desc limit ${RECENT_WINDOW}) w
          cross join lateral (select ss.document from story_search ss where ss.story_id = w.id offset 0) d),
        common as materialized (
          select count(*) < ${RECENT_WINDOW} or count(*) filter (where hit) >= ${COMMON_MATCHES} as yes from recent),
        chosen as materialized (
          select c.story_id from (
            select story_id from recent where hit and (select yes from common) order by story_id desc limit ${RANKED_MATCHES}) c
          union all
          select r.story_id from (
            select s.id as story_id from (
              select ss.story_id from story_search ss where not (select yes from common)
                and ss.service_code = ${serviceCode} and ss.document @@ (${q}) offset 0) h
            cross join lateral (select s.id from stories s where s.id = h.story_id and ${filter} offset 0) s
            order by s.id desc limit ${RANKED_MATCHES}) r)
        select ss.story_id, ts_rank(ss.document, ${q}) as score from chosen c join story_search ss on ss.story_id = c.story_id`;
    },
    remove: async (storyId) => {
      await sql`delete from story_search where story_id = ${storyId}`.execute(db);
    },
    isIndexed: (storyId) => sql<boolean>`exists (select 1 from story_search ss where ss.story_id = ${storyId})`,
  };
}

const stemmers: Record<SearchLanguage, Stemmer> = {
  english: wrap(newStemmer('english')),
  russian: wrap(newStemmer('russian')),
  simple: (word) => word,
};

/** Stemming one word takes tens of microseconds; words repeat, so stems are remembered. */
const STEM_CACHE_SIZE = 100_000;

function wrap(stemmer: SnowballStemmer): Stemmer {
  const cache = new Map<string, string>();
  return (word) => {
    let stem = cache.get(word);
    if (stem === undefined) {
      stem = stemmer.stem(word);
      if (cache.size >= STEM_CACHE_SIZE) cache.clear();
      cache.set(word, stem);
    }
    return stem;
  };
}

/** The stemmer the index uses for a language (also used to mark matches in snippets). */
export function stemmerFor(language: SearchLanguage): Stemmer {
  return stemmers[language];
}

/** A service code as one FTS5 token that matches that code only ("pt-br" -> "s70742d6272"). */
function serviceToken(serviceCode: string): string {
  return `s${Buffer.from(serviceCode, 'utf8').toString('hex')}`;
}

function sqliteFullText(db: Kysely<Database>): FullText {
  const stems = (language: SearchLanguage, words: readonly string[]) => words.slice(0, MAX_WORDS).map(stemmerFor(language)).join(' ');
  // Stems are letters and digits only; quoting (with quotes doubled) keeps them inert anyway.
  const phrase = (language: SearchLanguage, t: SearchTerm) => `"${stems(language, t.words).replace(/"/g, '""')}"`;
  const expression = (query: SearchQuery, language: SearchLanguage) => {
    const include = `(${query.include.map((t) => phrase(language, t)).join(' AND ')})`;
    // The words are looked for in the text columns only, never in the service column.
    return `{headline deck body} : (${[include, ...query.exclude.map((t) => phrase(language, t))].join(' NOT ')})`;
  };
  const inService = (query: SearchQuery, language: SearchLanguage, serviceCode: string) =>
    `service : ${serviceToken(serviceCode)} AND (${expression(query, language)})`;
  return {
    async write(entries) {
      for (const entry of entries) {
        const { storyId, language, document } = entry;
        await sql`delete from story_search where rowid = ${storyId}`.execute(db);
        await sql`insert into story_search (rowid, service, headline, deck, body)
          values (${storyId}, ${serviceToken(entry.serviceCode)}, ${stems(language, document.headline)}, ${stems(language, document.deck)}, ${stems(language, document.rest)})`.execute(db);
      }
    },
    matchingIds: (query, language) =>
      sql<number>`select rowid from story_search where story_search match ${expression(query, language)}`,
    // FTS5 walks a match list in rowid order, newest first here, and each match's story is
    // looked up by its key and filtered as it comes. As on PostgreSQL, the walk first covers the
    // RECENT_WINDOW newest stories that pass the filters (a rowid range: a phrase of common words
    // is tested on those alone); a query with fewer than COMMON_MATCHES matches there walks on,
    // stopping at the RANKED_MATCHES newest matches that pass the filters. Those are scored by where the query's words are: 10 for the
    // headline, 4 for the deck, 1 for the rest, added up, each found by one more walk of the same
    // newest stretch of the index. (bm25 would first count the whole archive's matches of every
    // term, phrases included, on every search: 10 to 50 ms over 100,000 stories.)
    scored: (query, language, serviceCode, filter) => {
      // The query's matches with one of its words or phrases in the column (FTS5 skips through
      // the rarest list of an AND, so this costs about what the query does).
      const inColumn = (column: string) =>
        sql`(c.id in (select rowid from story_search
          where story_search match ${`{${column}} : (${query.include.map((t) => phrase(language, t)).join(' OR ')}) AND ${expression(query, language)}`}
          and rowid >= (select min(id) from chosen)))`;
      const matches = sql`select story_search.rowid as id from story_search cross join stories s on s.id = story_search.rowid
          where story_search match ${inService(query, language, serviceCode)} and ${filter}`;
      // NOT INDEXED: the newest stories by key, filtered as they come (an index on status or
      // section would have them all sorted first).
      return sql<{ story_id: number; score: number }>`with newest as materialized (
          select min(id) as oldest, count(*) as stories from (
            select s.id from stories s not indexed where s.service_code = ${serviceCode} and ${filter} order by s.id desc limit ${RECENT_WINDOW})),
        recent as materialized (
          select id from (${matches} and story_search.rowid >= (select oldest from newest) order by story_search.rowid desc limit ${RANKED_MATCHES})),
        common as materialized (
          select (select stories from newest) < ${RECENT_WINDOW} or (select count(*) from recent) >= ${COMMON_MATCHES} as yes),
        chosen as materialized (
          select id from recent where (select yes from common)
          union all
          select id from (${matches} and not (select yes from common) order by story_search.rowid desc limit ${RANKED_MATCHES}))
        select c.id as story_id, 10.0 * ${inColumn('headline')} + 4.0 * ${inColumn('deck')} + 1.0 * ${inColumn('body')} as score from chosen c`;
    },
    remove: async (storyId) => {
      await sql`delete from story_search where rowid = ${storyId}`.execute(db);
    },
    isIndexed: (storyId) => sql<boolean>`exists (select 1 from story_search where rowid = ${storyId})`,
  };
}
