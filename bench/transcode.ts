/**
 * Transcode benchmark: the whole media pipeline (probe, private copy, job queue, poster,
 * MP4 ladder, HLS, storage, database) on a test clip, against a baseline measured in the
 * same run: ffmpeg running the pipeline's own MP4 command lines directly on the same clip.
 * The ratio is the pipeline's overhead. Rounds alternate; the best of each is reported.
 *
 *   tsx bench/transcode.ts        BENCH_ROUNDS=3 BENCH_CLIP_SECONDS=10 tsx bench/transcode.ts
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ingestMedia } from '../src/actions/media/ingest-media.js';
import { composeMedia, composeWorkers } from '../src/compose-media.js';
import { DEFAULT_SIZE_LIMITS, videoHeights } from '../src/domain/media/renditions-plan.js';
import { systemClock } from '../src/domain/shared/clock.js';
import { createEventBus } from '../src/events/event-bus.js';
import { mp4Args } from '../src/media/ffmpeg/video.js';
import { migrateToLatest, openDatabase } from '../src/store/open-store.js';
import { createStore } from '../src/store/store.js';
import { heading, ms, ratio, table } from './support/format.js';
import { makeTempDir } from './support/temp.js';
import type { BenchOutcome } from './story-page.js';

/** Target: the pipeline costs at most 1.6× ffmpeg's own encodes (poster, HLS packaging, probes, copies). */
const TARGET_RATIO = 1.6;

export async function runTranscodeBench(): Promise<BenchOutcome> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? '2');
  const seconds = Number(process.env.BENCH_CLIP_SECONDS ?? '4');
  const dir = makeTempDir('dateline-bench-transcode');
  const clip = path.join(dir, 'clip.mp4');
  execFileSync('ffmpeg', [
    '-nostdin', '-v', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc=size=1280x720:rate=25:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest', '-movflags', '+faststart', clip,
  ]);
  console.log(heading('Transcode pipeline'));
  console.log(`  clip: ${seconds} s, 1280x720 test pattern with a tone; ladder ${videoHeights(720).map((h) => `${h}p`).join(', ')}`);

  const db = openDatabase({ kind: 'sqlite', file: path.join(dir, 'bench.sqlite') });
  await migrateToLatest(db, 'sqlite');
  const store = createStore(db, 'sqlite');
  const actions = { store, clock: systemClock, events: createEventBus(() => undefined) };
  const media = composeMedia({ mediaDir: path.join(dir, 'media'), originalsDir: path.join(dir, 'originals'), mediaLimits: DEFAULT_SIZE_LIMITS }, actions);
  const [worker] = composeWorkers(media, 1).workers;
  if (!worker) throw new Error('no worker');

  const problems: string[] = [];
  let bestBaseline = Infinity;
  let bestPipeline = Infinity;
  for (let round = 1; round <= rounds; round += 1) {
    const baselineStart = performance.now();
    for (const height of videoHeights(720)) execFileSync('ffmpeg', mp4Args({ file: clip, container: 'mov' }, path.join(dir, `baseline-${height}.mp4`), height));
    bestBaseline = Math.min(bestBaseline, performance.now() - baselineStart);

    const pipelineStart = performance.now();
    const item = await ingestMedia(media, { file: clip, title: `Bench ${round}` });
    const outcome = await worker.runOnce();
    bestPipeline = Math.min(bestPipeline, performance.now() - pipelineStart);
    const state = (await store.read.media.findById(item.id))?.state;
    if (outcome !== 'done' || state !== 'ready') problems.push(`round ${round}: job ${outcome}, media ${state}`);
  }
  await store.close();

  const overhead = bestPipeline / bestBaseline;
  console.log(
    table(
      ['', 'best time', 'ratio'],
      [
        ['ffmpeg alone (MP4 command lines)', ms(bestBaseline, 0), ratio(1)],
        ['pipeline (ingest + job)', ms(bestPipeline, 0), ratio(overhead)],
      ],
      [1, 2],
    ),
  );
  console.log(`  overhead target ≤ ${TARGET_RATIO}×: ${overhead <= TARGET_RATIO ? 'met' : 'MISSED'}`);
  return { name: 'transcode', ok: problems.length === 0, problems };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outcome = await runTranscodeBench();
  process.exit(outcome.ok ? 0 : 1);
}
