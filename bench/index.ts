/**
 * `npm run bench`: runs every benchmark in turn and prints ratios against baselines
 * measured in the same run. Exits non-zero if a benchmark saw errors.
 *
 * Env: BENCH_SECONDS (measured run, default 5), BENCH_WARMUP_SECONDS (default 2),
 *      BENCH_ROUNDS (alternating rounds, default 2), BENCH_CLIP_SECONDS (transcode clip, default 4),
 *      BENCH_CHANGES (publish to visible, default 60), BENCH_DATABASE_URL (its PostgreSQL, default TEST_DATABASE_URL),
 *      BENCH_SEARCH_STORIES (search archive size, default 100000), BENCH_SEARCH_ROUNDS (default 30).
 */
import os from 'node:os';
import { runCleanup } from './support/cleanup.js';
import { runCommentsBench } from './comments.js';
import { runPageWeightBench } from './page-weight.js';
import { runLiveStreamsBench } from './live-streams.js';
import { runPublishVisibleBench } from './publish-visible.js';
import { runSearchBench } from './search.js';
import { runFeedBench } from './feed.js';
import { runStoryPageBench, type BenchOutcome } from './story-page.js';
import { runTranscodeBench } from './transcode.js';

const benches: readonly { readonly name: string; readonly run: () => Promise<BenchOutcome> }[] = [
  { name: 'story page', run: runStoryPageBench },
  { name: 'page weight', run: runPageWeightBench },
  { name: 'feed', run: runFeedBench },
  { name: 'comments', run: runCommentsBench },
  { name: 'transcode', run: runTranscodeBench },
  { name: 'publish to visible', run: runPublishVisibleBench },
  { name: 'search', run: runSearchBench },
  { name: 'live streams', run: runLiveStreamsBench },
];

const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
console.log(`Dateline benchmarks — node ${process.version}, ${os.availableParallelism()} × ${cpu}`);

const failed: string[] = [];
for (const bench of benches) {
  try {
    const outcome = await bench.run();
    if (!outcome.ok) failed.push(`${bench.name}: ${outcome.problems.length} error(s) under load`);
  } catch (error) {
    console.error(`\n${bench.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    failed.push(`${bench.name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  runCleanup();
}

console.log('');
if (failed.length) {
  console.log(`Benchmarks FAILED:\n${failed.map((line) => `  - ${line}`).join('\n')}`);
  process.exit(1);
}
console.log(`All ${benches.length} benchmark(s) ran without errors.`);
process.exit(0);
