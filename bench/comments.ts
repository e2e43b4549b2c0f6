/**
 * Comments benchmark, against baselines from the same run:
 * - posting: comments through the whole posting pipeline (postComment: checks, proof-of-work
 *   verification, spent-challenge record, insert, count) against bare inserts of the same rows;
 *   challenges are solved before the clock starts (that work is the browser's, not the server's);
 * - pages with 1,000 comments on the story: the story page (cached) and the first comments page
 *   (personal, so rendered every time) against a bare node:http server replaying the same bytes.
 *
 *   tsx bench/comments.ts
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { solveChallenge } from 'altcha-lib/v1';
import type { PostingDeps } from '../src/actions/comments/guards.js';
import { postComment } from '../src/actions/comments/post-comment.js';
import { createWorkChallenge } from '../src/actions/comments/proof-of-work.js';
import { createSection, createService } from '../src/actions/services/create-service.js';
import { createStory } from '../src/actions/stories/create-story.js';
import { publishStory } from '../src/actions/stories/publish-story.js';
import { systemActor } from '../src/domain/user/user.js';
import { composeApp } from '../src/compose.js';
import { loadConfig } from '../src/config.js';
import { runCleanup } from './support/cleanup.js';
import { heading, int, ms, ratio, table } from './support/format.js';
import { getRaw } from './support/http.js';
import { startReplayBaseline } from './support/baseline.js';
import { makeTempDir } from './support/temp.js';
import { DEFAULT_HEADERS, requireWrk, runWrk, wrkProblems, type WrkResult } from './support/wrk.js';
import type { BenchOutcome } from './story-page.js';
import { storeComment } from '../src/demo/seed.js';

const BENCH = systemActor('bench');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOST = '127.0.0.1';
const POSTS = 300;
const SEEDED = 1_000;

export async function runCommentsBench(): Promise<BenchOutcome> {
  const name = 'comments';
  const seconds = Math.max(1, Math.round(Number(process.env.BENCH_SECONDS ?? 5)));
  requireWrk();
  console.log(heading('Comments: posting and pages with 1,000 comments'));
  const work = makeTempDir('dateline-bench-comments');
  const config = loadConfig(
    {
      DATABASE_URL: path.join(work, 'dateline.sqlite'),
      MEDIA_DIR: path.join(work, 'media'),
      SECRET_FILE: path.join(work, 'secret'),
      DEMO: 'false',
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST,
    },
    ROOT,
  );
  const generous = { max: 1_000_000, windowMs: 60_000 };
  const composed = await composeApp(config, { rateLimits: { perAddress: generous, perStory: generous }, workMaxNumber: 1_000 });
  const deps = composed.actions as PostingDeps;
  const problems: string[] = [];
  try {
    await createService(deps, BENCH, { code: 'en', name: 'English', locale: 'en', direction: 'ltr', outlet: 'RFE/RL' });
    await createSection(deps, BENCH, { serviceCode: 'en', slug: 'news', name: 'News' });
    const story = async (headline: string) => {
      const id = await createStory(deps, BENCH, {
        serviceCode: 'en',
        sectionId: null,
        headline,
        deck: null,
        dateline: null,
        bylines: [],
        credits: [],
        body: [{ type: 'paragraph', content: [{ type: 'text', text: 'Body.' }] }],
        tagIds: [],
      });
      await publishStory(deps, BENCH, id);
      return id;
    };

    // 1. Posting throughput.
    const pipelineStory = await story('Pipeline Posts');
    const bareStory = await story('Bare Inserts');
    const works: string[] = [];
    for (let i = 0; i < POSTS; i++) {
      const challenge = await createWorkChallenge(deps.guards, deps.clock);
      const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
      const { algorithm, salt, signature } = challenge;
      works.push(Buffer.from(JSON.stringify({ algorithm, challenge: challenge.challenge, number: solution?.number, salt, signature })).toString('base64'));
    }
    const bareStart = performance.now();
    for (let i = 0; i < POSTS; i++) {
      await deps.store.transaction((repos) =>
        repos.comments.insert({ storyId: bareStory, parentId: null, authorName: `Reader ${i}`, body: `Comment ${i}`, state: 'visible', createdAt: new Date() }),
      );
    }
    const bareRate = POSTS / ((performance.now() - bareStart) / 1000);
    const pipelineStart = performance.now();
    for (let i = 0; i < POSTS; i++) {
      await postComment(deps, {
        storyId: pipelineStory,
        authorName: `Reader ${i}`,
        body: `Comment ${i}`,
        proofOfWork: works[i] ?? null,
        withoutProof: 'refuse',
        address: `10.1.${Math.floor(i / 250)}.${i % 250}`,
        browserToken: `bench-token-${i}-abcdefghijklmnop`,
      });
    }
    const pipelineRate = POSTS / ((performance.now() - pipelineStart) / 1000);

    // 2. Pages of a story with 1,000 comments.
    const busy = await story('Busy Story');
    let parent: number | null = null;
    for (let i = 0; i < SEEDED; i++) {
      const id: number = await storeComment(deps, {
        storyId: busy,
        parentId: i % 4 === 0 ? null : parent,
        authorName: `Reader ${i}`,
        body: `A comment of some length, number ${i}, with a link https://example.org/${i} and\na second line.`,
        state: 'visible',
      });
      if (i % 4 === 0) parent = id;
    }
    const origin = await composed.app.listen({ port: 0, host: HOST });
    const rows: string[][] = [];
    for (const [label, url] of [
      ['story page, 1,000 comments (cached)', `/en/a/busy-story/${busy}`],
      ['comments page 1 of a 1,000-comment story', `/en/a/busy-story/${busy}/comments`],
    ] as const) {
      await getRaw(origin + url, DEFAULT_HEADERS);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const recorded = await getRaw(origin + url, DEFAULT_HEADERS);
      if (recorded.status !== 200) throw new Error(`${url} answered ${recorded.status}`);
      const baseline = await startReplayBaseline({ work, fileName: `${rows.length}.json`, recorded, urlPath: url });
      const measure = async (target: string): Promise<WrkResult> => {
        const result = await runWrk({ url: target, seconds, headers: DEFAULT_HEADERS });
        problems.push(...wrkProblems(result).map((p) => `${label}: ${p}`));
        return result;
      };
      const base = await measure(baseline.origin + url);
      const ours = await measure(origin + url);
      await baseline.stop();
      rows.push(['bare node:http (same bytes)', int(base.rps), ms(base.latencyP50Ms), ms(base.latencyP99Ms), '1.00']);
      rows.push([label, int(ours.rps), ms(ours.latencyP50Ms), ms(ours.latencyP99Ms), ratio(ours.rps / base.rps)]);
    }

    console.log('');
    console.log(
      table(
        ['', 'per second', 'p50', 'p99', 'vs baseline'],
        [
          ['bare insert of a comment (one transaction)', int(bareRate), '', '', '1.00'],
          ['postComment: whole pipeline, one at a time', int(pipelineRate), '', '', ratio(pipelineRate / bareRate)],
          ...rows,
        ],
        [1, 2, 3, 4],
      ),
    );
    console.log('  (Dateline runs in the bench process here, unpinned; wrk -t1 -c64.)');
  } finally {
    await composed.app.close();
    await composed.store.close();
  }
  if (problems.length) for (const problem of problems) console.log(`  - ${problem}`);
  return { name, ok: problems.length === 0, problems };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const outcome = await runCommentsBench();
    runCleanup();
    process.exit(outcome.ok ? 0 : 1);
  } catch (error) {
    console.error(`\ncomments bench failed: ${error instanceof Error ? error.stack : String(error)}`);
    runCleanup();
    process.exit(1);
  }
}
