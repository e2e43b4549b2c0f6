/**
 * The feed of a service home against the home page itself: both served from the page cache,
 * each measured against a bare node:http server answering its exact bytes, in the same run.
 * The feed should keep the home page's ratio (it is cached and answered the same way).
 *
 *   tsx bench/feed.ts            (needs `npm run build` first)
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCleanup } from './support/cleanup.js';
import { SERVER_CPU } from './support/commands.js';
import { heading, int, ms, ratio, table } from './support/format.js';
import { getRaw } from './support/http.js';
import { startReplayBaseline } from './support/baseline.js';
import { makeTempDir } from './support/temp.js';
import { DEFAULT_HEADERS, requireWrk, type WrkResult } from './support/wrk.js';
import { best, Runs, settings, startDateline, type BenchOutcome, type Target } from './story-page.js';

const PAGES = [
  { label: 'service home page', path: '/en/' },
  { label: 'service home feed (RSS)', path: '/en/feed.rss' },
] as const;

export async function runFeedBench(): Promise<BenchOutcome> {
  const config = settings();
  requireWrk();
  console.log(heading('Service home feed vs home page (both cached)'));
  const work = makeTempDir('dateline-bench-feed');
  const runs = new Runs(config);
  const dateline = await startDateline(work, 'Dateline (feeds)', undefined);
  const rows: string[][] = [];
  const ratios: number[] = [];
  try {
    for (const page of PAGES) {
      await getRaw(dateline.origin + page.path, DEFAULT_HEADERS);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const recorded = await getRaw(dateline.origin + page.path, DEFAULT_HEADERS);
      if (recorded.status !== 200) throw new Error(`GET ${page.path} answered ${recorded.status}`);
      const baseline = await startReplayBaseline({ work, fileName: `${page.path.replace(/\W+/g, '-')}.json`, recorded, urlPath: page.path, cpu: SERVER_CPU });
      const baselineTarget: Target = { label: `bare node:http (${page.label})`, server: baseline, url: baseline.origin + page.path };
      const target: Target = { label: `Dateline ${page.label}`, server: dateline, url: dateline.origin + page.path };
      const base: WrkResult[] = [];
      const served: WrkResult[] = [];
      for (let round = 1; round <= config.rounds; round++) {
        base.push(await runs.measure(baselineTarget, round));
        served.push(await runs.measure(target, round));
      }
      await baseline.stop();
      const b = best(base);
      const d = best(served);
      ratios.push(d.rps / b.rps);
      rows.push([target.label, int(d.rps), ms(d.latencyP50Ms), ms(d.latencyP99Ms), ratio(d.rps / b.rps)]);
    }
  } finally {
    await dateline.stop();
  }
  console.log('');
  console.log(table(['', 'req/s', 'p50', 'p99', 'vs its baseline'], rows, [1, 2, 3, 4]));
  const [home = 0, feed = 0] = ratios;
  console.log(`\n  feed ratio / home ratio = ${(feed / home).toFixed(2)} (same path through the page cache: about 1)`);
  return { name: 'feed', ok: runs.problems.length === 0, problems: runs.problems };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const outcome = await runFeedBench();
    runCleanup();
    process.exit(outcome.ok ? 0 : 1);
  } catch (error) {
    console.error(`\nfeed bench failed: ${error instanceof Error ? error.message : String(error)}`);
    runCleanup();
    process.exit(1);
  }
}
