/**
 * Page-speed benchmark for the reference story page.
 *
 * Speed is measured against a baseline from the same run: a bare node:http server that
 * answers with exactly the bytes Dateline served for the page. Both servers are pinned to
 * core 0, wrk to core 1. Rounds alternate (baseline, Dateline, baseline, Dateline), each
 * a short warm-up followed by a measured run; the best of each is reported.
 *
 *   tsx bench/story-page.ts            (needs `npm run build` first)
 *   BENCH_SECONDS=10 BENCH_WARMUP_SECONDS=3 BENCH_ROUNDS=3 tsx bench/story-page.ts
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runCleanup } from './support/cleanup.js';
import { hasCommand, SERVER_CPU } from './support/commands.js';
import { bytes, heading, int, ms, ratio, table } from './support/format.js';
import { decodeBody, getRaw, type RawResponse } from './support/http.js';
import { freePort } from './support/ports.js';
import { startReplayBaseline } from './support/baseline.js';
import { startServer, type ServerProcess } from './support/server-process.js';
import { makeTempDir } from './support/temp.js';
import { DEFAULT_HEADERS, requireWrk, runWrk, wrkProblems, type WrkResult } from './support/wrk.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOST = '127.0.0.1';
const STORY_PATH = '/en/a/kyrgyz-president-wont-back-down-as-opposition-claims-power/1';

/** Targets: cached page within 20% of a bare server; an uncached render under 0.5 ms of server CPU. */
const TARGET_CACHED_RATIO = 0.8;
const TARGET_RENDER_MS = 0.5;

export interface BenchOutcome {
  readonly name: string;
  /** False when a run had errors (non-2xx, socket errors); missed targets are reported, not failed. */
  readonly ok: boolean;
  readonly problems: readonly string[];
}

export interface Settings {
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly rounds: number;
}

export function settings(): Settings {
  const read = (name: string, fallback: number, min: number) => {
    const raw = process.env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number >= ${min} (got "${raw}")`);
    return value;
  };
  return {
    seconds: Math.round(read('BENCH_SECONDS', 5, 1)),
    warmupSeconds: Math.round(read('BENCH_WARMUP_SECONDS', 2, 1)),
    rounds: Math.round(read('BENCH_ROUNDS', 2, 1)),
  };
}

export interface Target {
  readonly label: string;
  readonly server: ServerProcess;
  readonly url: string;
}

export class Runs {
  readonly problems: string[] = [];

  constructor(private readonly settings: Settings) {}

  /** Warm-up then measured run; every wrk run is checked for non-2xx and socket errors. */
  async measure(target: Target, round: number): Promise<WrkResult> {
    await this.wrk(target, this.settings.warmupSeconds, `round ${round} warm-up`);
    const result = await this.wrk(target, this.settings.seconds, `round ${round}`);
    console.log(
      `  round ${round}  ${target.label.padEnd(34)} ${int(result.rps).padStart(8)} req/s   p50 ${ms(result.latencyP50Ms)}   p99 ${ms(result.latencyP99Ms)}`,
    );
    return result;
  }

  private async wrk(target: Target, seconds: number, what: string): Promise<WrkResult> {
    const result = await runWrk({ url: target.url, seconds, headers: DEFAULT_HEADERS });
    for (const problem of wrkProblems(result)) this.problems.push(`${target.label}, ${what}: ${problem}`);
    if (!target.server.alive()) {
      throw new Error(`${target.server.name} exited during ${what}:\n${target.server.output().trim()}`);
    }
    return result;
  }
}

export function best(results: readonly WrkResult[]): WrkResult {
  const [first, ...rest] = results;
  if (!first) throw new Error('no runs to compare');
  return rest.reduce((a, b) => (b.rps > a.rps ? b : a), first);
}

export async function startDateline(workDir: string, name: string, pageCacheEntries: number | undefined): Promise<ServerProcess> {
  const dir = path.join(workDir, name.replace(/\W+/g, '-').toLowerCase());
  const port = await freePort(HOST);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST,
    DATABASE_URL: path.join(dir, 'dateline.sqlite'),
    MEDIA_DIR: path.join(dir, 'media'),
    DEMO: 'true',
    LOG_LEVEL: 'warn',
  };
  if (pageCacheEntries === undefined) delete env.PAGE_CACHE_ENTRIES;
  else env.PAGE_CACHE_ENTRIES = String(pageCacheEntries);
  return startServer({
    name,
    command: process.execPath,
    args: ['dist/main.js'],
    cwd: ROOT,
    env,
    host: HOST,
    port,
    cpu: SERVER_CPU,
    readyPath: '/readyz',
    readyTimeoutMs: 60_000,
  });
}

/** The reference story URL, or the first story linked from /en/ if that one is gone. */
async function findStory(origin: string): Promise<{ path: string; response: RawResponse }> {
  const response = await getRaw(origin + STORY_PATH, DEFAULT_HEADERS);
  if (response.status !== 404) return { path: STORY_PATH, response };
  const home = await getRaw(origin + '/en/', DEFAULT_HEADERS);
  if (home.status !== 200) throw new Error(`the reference story is 404 and GET /en/ answered ${home.status}`);
  const html = decodeBody(home.body, header(home, 'content-encoding')).toString('utf8');
  const link = /href="(\/en\/a\/[^"#?]+)"/.exec(html)?.[1];
  if (!link) throw new Error(`the reference story ${STORY_PATH} is 404 and /en/ links to no /en/a/ story`);
  console.log(`  note: ${STORY_PATH} is 404; using ${link} (first story linked from /en/)`);
  return { path: link, response: await getRaw(origin + link, DEFAULT_HEADERS) };
}

function header(response: RawResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function checkPage(label: string, response: RawResponse): void {
  const type = header(response, 'content-type') ?? '';
  if (response.status !== 200 || !type.startsWith('text/html')) {
    throw new Error(`${label} answered ${response.status} ${type || '(no content-type)'}; expected 200 text/html`);
  }
}

export async function runStoryPageBench(): Promise<BenchOutcome> {
  const name = 'story page';
  const config = settings();
  requireWrk();
  if (!existsSync(path.join(ROOT, 'dist/main.js'))) {
    throw new Error('dist/main.js is missing; build first (npm run build)');
  }

  console.log(heading('Story page speed'));
  console.log(
    `  wrk -t1 -c64, accept-encoding: br, gzip; ${config.rounds} alternating rounds of ${config.warmupSeconds} s warm-up + ${config.seconds} s measured; best of each`,
  );
  console.log(
    hasCommand('taskset')
      ? `  servers pinned to CPU ${SERVER_CPU}, wrk to CPU 1`
      : '  taskset not found: servers and wrk are NOT pinned, numbers are noisier and CPU-per-render is only approximate',
  );

  const work = makeTempDir('dateline-bench');
  const runs = new Runs(config);

  // 1. Dateline with the page cache on; record the story page exactly as served.
  let dateline = await startDateline(work, 'Dateline (cache on)', undefined);
  const story = await findStory(dateline.origin);
  checkPage(`GET ${story.path}`, story.response);
  // The first request renders the page; the cache compresses it in the background. Record a warm hit.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const recorded = await getRaw(dateline.origin + story.path, DEFAULT_HEADERS);
  checkPage(`GET ${story.path}`, recorded);
  const encoding = header(recorded, 'content-encoding') ?? 'identity';
  const wire = recorded.body.length;
  const plain = decodeBody(recorded.body, header(recorded, 'content-encoding')).length;
  console.log(`  page: ${story.path}`);
  console.log(`  size: ${bytes(wire)} over the wire (${encoding}), ${bytes(plain)} uncompressed`);

  // 2. The baseline, answering with the same status, headers and bytes.
  const baseline = await startReplayBaseline({ work, fileName: 'story-response.json', recorded, urlPath: story.path, cpu: SERVER_CPU });

  const baselineTarget: Target = { label: 'bare node:http (same bytes)', server: baseline, url: baseline.origin + story.path };
  const cachedTarget: Target = { label: 'Dateline story page (cache warm)', server: dateline, url: dateline.origin + story.path };

  // 3. Alternating rounds: baseline, Dateline (cached), …
  console.log('');
  const baselineCached: WrkResult[] = [];
  const cached: WrkResult[] = [];
  for (let round = 1; round <= config.rounds; round++) {
    baselineCached.push(await runs.measure(baselineTarget, round));
    cached.push(await runs.measure(cachedTarget, round));
  }
  await dateline.stop();

  // 4. Dateline with the page cache off: every request renders from the database.
  dateline = await startDateline(work, 'Dateline (no page cache)', 0);
  const uncachedPage = await getRaw(dateline.origin + story.path, DEFAULT_HEADERS);
  checkPage(`GET ${story.path} (no page cache)`, uncachedPage);
  const uncachedTarget: Target = { label: 'Dateline story page (no cache)', server: dateline, url: dateline.origin + story.path };
  const baselineUncached: WrkResult[] = [];
  const uncached: WrkResult[] = [];
  for (let round = 1; round <= config.rounds; round++) {
    baselineUncached.push(await runs.measure(baselineTarget, round));
    uncached.push(await runs.measure(uncachedTarget, round));
  }
  await dateline.stop();
  await baseline.stop();

  // 5. Report.
  const base1 = best(baselineCached);
  const base2 = best(baselineUncached);
  const warm = best(cached);
  const cold = best(uncached);
  const cachedRatio = warm.rps / base1.rps;
  const uncachedRatio = cold.rps / base2.rps;
  const renderMs = 1000 / cold.rps;
  const verdict = (met: boolean) => (met ? 'ok' : 'BELOW TARGET');

  console.log('');
  console.log(
    table(
      ['', 'req/s', 'p50', 'p99', 'vs baseline', 'target', ''],
      [
        [baselineTarget.label, int(base1.rps), ms(base1.latencyP50Ms), ms(base1.latencyP99Ms), '1.00', '', ''],
        [cachedTarget.label, int(warm.rps), ms(warm.latencyP50Ms), ms(warm.latencyP99Ms), ratio(cachedRatio), `>= ${TARGET_CACHED_RATIO}`, verdict(cachedRatio >= TARGET_CACHED_RATIO)],
        [`${baselineTarget.label}, 2nd phase`, int(base2.rps), ms(base2.latencyP50Ms), ms(base2.latencyP99Ms), '1.00', '', ''],
        [uncachedTarget.label, int(cold.rps), ms(cold.latencyP50Ms), ms(cold.latencyP99Ms), ratio(uncachedRatio), '', ''],
      ],
      [1, 2, 3, 4],
    ),
  );
  console.log('');
  console.log(
    `  server CPU per uncached render ≈ ${renderMs.toFixed(3)} ms   (target <= ${TARGET_RENDER_MS} ms: ${verdict(renderMs <= TARGET_RENDER_MS)})`,
  );
  console.log(`  page size: ${bytes(wire)} over the wire (${encoding}), ${bytes(plain)} uncompressed`);
  if (uncachedPage.body.length !== wire) {
    console.log(`  note: the uncached page was ${bytes(uncachedPage.body.length)} over the wire`);
  }

  const spread = (results: readonly WrkResult[]) => {
    const rates = results.map((result) => result.rps);
    return 1 - Math.min(...rates) / Math.max(...rates);
  };
  const noisiest = Math.max(spread(baselineCached), spread(baselineUncached));
  if (noisiest > 0.15) {
    console.log(
      `  note: the baseline varied by ${Math.round(noisiest * 100)}% between rounds, so the machine was busy; treat these numbers as rough (rerun, or raise BENCH_ROUNDS)`,
    );
  }

  if (runs.problems.length) {
    console.log('\n  ERRORS during load (every run must have zero non-2xx responses and zero socket errors):');
    for (const problem of runs.problems) console.log(`  - ${problem}`);
  }
  return { name, ok: runs.problems.length === 0, problems: runs.problems };
}

// Entry point when run directly: tsx bench/story-page.ts
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const outcome = await runStoryPageBench();
    runCleanup();
    process.exit(outcome.ok ? 0 : 1);
  } catch (error) {
    console.error(`\nstory-page bench failed: ${error instanceof Error ? error.message : String(error)}`);
    runCleanup();
    process.exit(1);
  }
}
