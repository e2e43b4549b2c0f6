/**
 * Full-text search latency over a generated archive of BENCH_SEARCH_STORIES stories (default
 * 100,000) of one English-language service, on SQLite and on PostgreSQL, against the target of
 * a p99 under 50 ms. Each store is filled with bulk inserts, indexed by the store's own batch
 * indexer (the one that runs when a store opens), then asked a mix of reader queries (rare and
 * common words, two words, a phrase, an exclusion, a section filter), one at a time, through
 * the repository call the search page makes. Printed: median, p99 and the ratio of p99 to the
 * target per store.
 *
 * Env: BENCH_SEARCH_STORIES (default 100000), BENCH_SEARCH_ROUNDS (default 30),
 * BENCH_SEARCH_STORES (sqlite,postgres: both by default), BENCH_SEARCH_DETAIL=1 (median per query),
 * BENCH_SEARCH_KEEP=1 (keep the PostgreSQL schema, to profile queries on it).
 * PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test;
 * works in a schema of its own, dropped at the end.
 *
 *   tsx bench/search.ts
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { sql, type Insertable, type Kysely } from 'kysely';
import { createSection, createService } from '../src/actions/services/create-service.js';
import { parseSearchQuery } from '../src/domain/search/query.js';
import { systemClock } from '../src/domain/shared/clock.js';
import { systemActor } from '../src/domain/user/user.js';
import { createEventBus } from '../src/events/event-bus.js';
import type { Database } from '../src/store/database.js';
import { migrateToLatest, openDatabase } from '../src/store/open-store.js';
import { createStore, type Store } from '../src/store/store.js';
import { runCleanup } from './support/cleanup.js';
import { heading, int, ms, ratio, table } from './support/format.js';
import { makeTempDir } from './support/temp.js';
import type { BenchOutcome } from './story-page.js';

const TARGET_P99_MS = 50;
const BENCH = systemActor('bench');
const DAY = 86_400_000;

/** A small seeded generator, so both stores hold the same archive. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const COMMON = ['government', 'president', 'election', 'protest', 'parliament', 'minister', 'police', 'economy', 'court', 'border'];
const PLACES = ['Bishkek', 'Osh', 'Prague', 'Tehran', 'Moscow', 'Almaty', 'Kabul', 'Tbilisi', 'Kyiv', 'Baku'];
/**
 * 3,000 made-up words, drawn on a Zipf-like curve: a few everywhere, most rare. The ten news
 * words make 1% of the text, so each is in about one story in six, as "president" is in a
 * politics-heavy archive.
 */
const VOCABULARY = Array.from({ length: 3_000 }, (_, i) => `w${i.toString(36)}x${'aeiou'[i % 5]}n`);

function sentence(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const r = next();
    if (r < 0.01) out.push(COMMON[Math.floor(next() * COMMON.length)]!);
    else if (r < 0.02) out.push(PLACES[Math.floor(next() * PLACES.length)]!);
    else out.push(VOCABULARY[Math.floor(VOCABULARY.length * next() ** 3)]!);
  }
  return out.join(' ');
}

const QUERIES = [
  'president',
  'elections',
  'bishkek protest',
  '"parliament minister"',
  'government -police',
  VOCABULARY[2_900]!,
  `${VOCABULARY[5]!} ${VOCABULARY[40]!}`,
  'osh border court',
  'nothingmatchesthis',
  `"${VOCABULARY[1]!} ${VOCABULARY[2]!}"`,
];

export async function runSearchBench(): Promise<BenchOutcome> {
  const name = 'search';
  const stories = Math.max(1_000, Math.round(Number(process.env.BENCH_SEARCH_STORIES ?? 100_000)));
  const rounds = Math.max(5, Math.round(Number(process.env.BENCH_SEARCH_ROUNDS ?? 30)));
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  console.log(heading(`Search latency over ${int(stories)} stories`));
  const rows: string[][] = [];
  const problems: string[] = [];

  // BENCH_SEARCH_KEEP=1 keeps the SQLite file too (its path is printed).
  const sqliteDir = process.env.BENCH_SEARCH_KEEP ? mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-search-')) : makeTempDir('dateline-bench-search');
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const stores: { label: string; open: () => Kysely<Database>; kind: 'sqlite' | 'postgres'; location: { schema?: string } }[] = [
    { label: 'SQLite', kind: 'sqlite', open: () => openDatabase({ kind: 'sqlite', file: path.join(sqliteDir, 'bench.db') }), location: {} },
    { label: 'PostgreSQL', kind: 'postgres', open: () => openDatabase({ kind: 'postgres', url, schema }, { schema }), location: { schema } },
  ];
  // BENCH_SEARCH_STORES=postgres (or sqlite) runs one store only.
  const only = process.env.BENCH_SEARCH_STORES;
  try {
    for (const target of stores.filter((store) => !only || only.split(',').includes(store.kind))) {
      const db = target.open();
      try {
        await migrateToLatest(db, target.kind, target.location);
        const store = createStore(db, target.kind);
        const started = performance.now();
        const sectionIds = await fill(store, db, stories);
        const filled = performance.now();
        // The indexer that runs when a store opens picks up every story the bulk insert left out.
        await migrateToLatest(db, target.kind, target.location);
        const indexed = performance.now();
        // What autovacuum does after a bulk load: statistics, and the GIN index's pending list
        // merged into the index (searches would otherwise scan that list every time).
        if (target.kind === 'postgres') await sql`vacuum analyze`.execute(db);
        console.log(
          `  ${target.label}: ${int(stories)} stories inserted in ${((filled - started) / 1000).toFixed(1)} s, indexed in ${((indexed - filled) / 1000).toFixed(1)} s`,
        );
        const times: number[] = [];
        const byQuery = new Map<string, number[]>();
        const now = new Date();
        const ask = (query: string, sectionId?: number) =>
          store.read.search.searchPublished({
            serviceCode: 'en',
            query: parseSearchQuery(query),
            now,
            ...(sectionId !== undefined ? { sectionId } : {}),
            limit: 21,
            offset: 0,
          });
        for (const query of QUERIES) await ask(query); // warm-up
        for (let round = 0; round < rounds; round++) {
          for (const [index, query] of QUERIES.entries()) {
            const before = performance.now();
            await ask(query, index % 3 === 0 ? sectionIds[round % sectionIds.length] : undefined);
            const took = performance.now() - before;
            times.push(took);
            byQuery.set(query, [...(byQuery.get(query) ?? []), took]);
          }
        }
        const hits = (await ask('president')).length;
        if (hits === 0) problems.push(`${target.label}: a common word found nothing`);
        times.sort((a, b) => a - b);
        const median = times[Math.floor(times.length / 2)]!;
        const p99 = times[Math.min(times.length - 1, Math.floor(times.length * 0.99))]!;
        rows.push([target.label, int(times.length), ms(median), ms(p99), ratio(p99 / TARGET_P99_MS)]);
        if (process.env.BENCH_SEARCH_DETAIL) {
          for (const [query, list] of byQuery) console.log(`    ${query.padEnd(24)} median ${ms(list.sort((a, b) => a - b)[Math.floor(list.length / 2)])}`);
        }
      } finally {
        await db.destroy();
      }
    }
  } finally {
    // BENCH_SEARCH_KEEP=1 keeps the PostgreSQL archive for EXPLAIN ANALYZE (schema printed).
    if (process.env.BENCH_SEARCH_KEEP) console.log(`  kept PostgreSQL schema ${schema} and SQLite file ${path.join(sqliteDir, 'bench.db')}`);
    else await dropSchema(url, schema);
  }
  console.log('');
  console.log(table(['store', 'queries', 'median', 'p99', `p99 / ${TARGET_P99_MS} ms target`], rows, [1, 2, 3, 4]));
  console.log(`  (a ratio under 1.00 meets the target; queries: ${QUERIES.length} kinds × ${rounds} rounds, one at a time)`);
  return { name, ok: problems.length === 0, problems };
}

/** Bulk inserts: stories a thousand per statement, in one transaction per batch. Not indexed. */
async function fill(store: Store, db: Kysely<Database>, count: number): Promise<number[]> {
  const actions = { store, clock: systemClock, events: createEventBus(() => undefined) };
  await createService(actions, BENCH, { code: 'en', name: 'English', locale: 'en', direction: 'ltr', outlet: 'RFE/RL' });
  const sections = await Promise.all(
    ['news', 'asia', 'europe', 'economy'].map((slug) => createSection(actions, BENCH, { serviceCode: 'en', slug, name: slug })),
  );
  const sectionIds = sections.map((section) => section.id);
  const next = random(42);
  const now = Date.now();
  const BATCH = 1_000;
  for (let start = 0; start < count; start += BATCH) {
    const values: Insertable<Database['stories']>[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const publishedAt = now - Math.floor(next() * 3_650) * DAY - 60_000;
      const body = [
        { type: 'paragraph', content: [{ type: 'text', text: sentence(next, 60) }] },
        { type: 'subheading', text: sentence(next, 5) },
        { type: 'paragraph', content: [{ type: 'text', text: sentence(next, 60) }] },
      ];
      values.push({
        service_code: 'en',
        section_id: sectionIds[i % sectionIds.length]!,
        slug: `story-${i}`,
        headline: sentence(next, 8),
        deck: sentence(next, 16),
        bylines_json: '[]',
        credits_json: '[]',
        body_json: JSON.stringify(body),
        status: next() < 0.95 ? 'published' : 'draft',
        published_at: publishedAt,
        comments_state: 'open',
        created_at: publishedAt,
        modified_at: publishedAt,
      });
    }
    await db.transaction().execute((trx) => trx.insertInto('stories').values(values).execute());
  }
  return sectionIds;
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
  } catch {
    // Nothing was created.
  } finally {
    await client.end().catch(() => undefined);
  }
}

// Entry point when run directly: tsx bench/search.ts
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const outcome = await runSearchBench();
    runCleanup();
    process.exit(outcome.ok ? 0 : 1);
  } catch (error) {
    console.error(`\nsearch bench failed: ${error instanceof Error ? error.message : String(error)}`);
    runCleanup();
    process.exit(1);
  }
}
