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
   * One service's matching stories with a text score (higher is better), for ranking: at most
   * the RANKED_MATCHES newest (by id) of them, so a word found in half the archive costs no more
   * to rank than a rarer one (on PostgreSQL, a query common among the newest stories is ranked
   * among those: see postgresFullText).
   */
  scored(query: SearchQuery, language: SearchLanguage, serviceCode: string): RawBuilder<{ story_id: number; score: number }>;
  /** The condition "the story with this id is in the index" (an anti-join when negated). */
  isIndexed(storyId: RawBuilder<unknown>): RawBuilder<boolean>;
  /** Takes a deleted story out of the index (PostgreSQL's row goes with the story; FTS5 has no foreign key). */
  remove(storyId: number): Promise<void>;
}

export function fullTextFor(db: Kysely<Database>): FullText {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgresFullText(db) : sqliteFullText(db);
}

/** How many of a query's newest matches are ranked (see `scored`). */
export const RANKED_MATCHES = 2_000;
/** PostgreSQL: a query matching this many of a service's RECENT_WINDOW newest stories is common, and ranked among them. */
const RECENT_WINDOW = 2_000;
const COMMON_MATCHES = 40;

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
    // Two bounded ways to the newest matches, as the query's frequency calls for. A common query
    // (COMMON_MATCHES or more among the service's RECENT_WINDOW newest stories) is ranked among
    // those, read newest first by the primary key; any other has few matches, found through the
    // GIN index. Left to itself the planner takes one way for both and misjudges phrases (it
    // estimates a phrase as its words): it tested every row of a common pair for a common phrase,
    // or walked the whole archive for a rare one (0.4 s over 100,000 stories).
    scored: (query, language, serviceCode) => {
      const q = tsquery(query, language);
      return sql<{ story_id: number; score: number }>`with recent as materialized (
          select w.story_id, w.document from (select story_id, document from story_search
            where service_code = ${serviceCode} order by story_id desc limit ${RECENT_WINDOW}) w
          where w.document @@ (${q})),
        common as materialized (select count(*) >= ${COMMON_MATCHES} as yes from recent),
        rare as materialized (select story_id, document from story_search where service_code = ${serviceCode} and document @@ (${q}))
        select c.story_id, ts_rank(c.document, ${q}) as score from (
          select story_id, document from recent where (select yes from common)
          union all
          select r.story_id, r.document from (select story_id, document from rare order by story_id desc limit ${RANKED_MATCHES}) r
          where not (select yes from common)) c`;
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
    // FTS5 walks a match list in rowid order and stops at the limit: the oldest rowid of the
    // newest matches bounds the ranked pass.
    scored: (query, language, serviceCode) =>
      sql<{ story_id: number; score: number }>`select rowid as story_id, -bm25(story_search, 0.0, 10.0, 4.0, 1.0) as score
        from story_search where story_search match ${inService(query, language, serviceCode)}
          and rowid >= (select coalesce(min(rowid), 0) from (select rowid from story_search
            where story_search match ${inService(query, language, serviceCode)} order by rowid desc limit ${RANKED_MATCHES}))`,
    remove: async (storyId) => {
      await sql`delete from story_search where rowid = ${storyId}`.execute(db);
    },
    isIndexed: (storyId) => sql<boolean>`exists (select 1 from story_search where rowid = ${storyId})`,
  };
}
