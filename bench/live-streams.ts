/**
 * Idle live streams and one broadcast: one app process (dist/main.js) on PostgreSQL holds
 * BENCH_STREAMS (default 10,000) open Server-Sent Events streams of /en/live from this
 * process on 127.0.0.1; then an alert is sent through the Admin API and every stream is
 * watched for it. Printed: the node's memory per open stream (resident set growth divided by
 * the streams) and the time from the Admin API's answer until the first, median and last
 * stream had the alert. Bounded: gives up after GIVE_UP_MS.
 *
 * Needs PostgreSQL (BENCH_DATABASE_URL, else TEST_DATABASE_URL); a schema of its own, dropped.
 *
 *   tsx bench/live-streams.ts
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runCleanup } from './support/cleanup.js';
import { heading, ms, table } from './support/format.js';
import { makeTempDir } from './support/temp.js';
import type { ServerProcess } from './support/server-process.js';
import type { BenchOutcome } from './story-page.js';
import { adminQuery, prepare, request, startNode } from './publish-visible.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GIVE_UP_MS = 60_000;
/** Streams opened at once; the rest wait for a place, so the node is not hit by 10,000 handshakes in one go. */
const OPENING = 200;

export async function runLiveStreamsBench(): Promise<BenchOutcome> {
  const name = 'live streams';
  const streams = Math.max(100, Math.round(Number(process.env.BENCH_STREAMS ?? 10_000)));
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  if (!existsSync(path.join(ROOT, 'dist/main.js'))) throw new Error('dist/main.js is missing; build first (npm run build)');
  console.log(heading(`Live streams: ${streams.toLocaleString('en')} idle readers and one broadcast`));
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, 'select 1');
  const problems: string[] = [];
  let node: ServerProcess | undefined;
  const sockets: net.Socket[] = [];
  try {
    const setup = await prepare(url, schema);
    node = await startNode(makeTempDir('dateline-bench-live'), 'L', url, schema);
    const { hostname: host, port } = new URL(node.origin);
    const rssBefore = residentBytes(node.pid);

    const text = `Bench alert ${randomBytes(4).toString('hex')}`;
    const started = performance.now();
    let sent = 0;
    const arrived: number[] = [];
    let opened = 0;
    let failed = 0;
    const open = () =>
      new Promise<void>((resolve) => {
        const socket = net.connect(Number(port), host);
        sockets.push(socket);
        let ready = false;
        let got = false;
        socket.setEncoding('utf8');
        socket.on('connect', () => socket.write(`GET /en/live HTTP/1.1\r\nHost: ${host}\r\nAccept: text/event-stream\r\n\r\n`));
        socket.on('data', (chunk: string) => {
          // The first message (the current alert) says the stream is open.
          if (!ready && chunk.includes('data: ')) {
            ready = true;
            opened += 1;
            resolve();
          }
          if (sent && !got && chunk.includes(text)) {
            got = true;
            arrived.push(performance.now() - sent);
          }
        });
        socket.on('error', () => {
          failed += 1;
          resolve();
        });
        socket.on('close', () => resolve());
      });
    for (let i = 0; i < streams; i += OPENING) {
      await Promise.all(Array.from({ length: Math.min(OPENING, streams - i) }, open));
      if (performance.now() - started > GIVE_UP_MS) {
        problems.push(`only ${opened} streams opened within ${GIVE_UP_MS / 1000} s`);
        break;
      }
    }
    const openMs = performance.now() - started;
    await sleep(1_000);
    const rssAfter = residentBytes(node.pid);

    const agent = new http.Agent({ keepAlive: false });
    const answer = await request(agent, 'POST', `${node.origin}/api/admin/v1/alerts`, {
      headers: { authorization: `Bearer ${setup.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ serviceCode: 'en', text, durationMinutes: 5 }),
    });
    sent = performance.now();
    if (answer.status !== 201) problems.push(`the Admin API answered ${answer.status} to the alert`);
    while (arrived.length < opened && performance.now() - sent < GIVE_UP_MS) await sleep(20);
    if (arrived.length < opened) problems.push(`${opened - arrived.length} of ${opened} open streams never had the alert`);
    if (failed) problems.push(`${failed} streams failed`);

    const sorted = [...arrived].sort((x, y) => x - y);
    const perStream = opened ? (rssAfter - rssBefore) / opened : 0;
    console.log(`  ${opened.toLocaleString('en')} streams open in ${ms(openMs, 0)}; node memory ${(rssBefore / 2 ** 20).toFixed(0)} MB -> ${(rssAfter / 2 ** 20).toFixed(0)} MB`);
    console.log('');
    console.log(
      table(
        ['streams with it', 'memory / stream', 'first', 'median', 'last'],
        [[String(sorted.length), `${(perStream / 1024).toFixed(1)} KB`, ms(sorted[0], 0), ms(sorted[Math.floor(sorted.length / 2)], 0), ms(sorted.at(-1), 0)]],
        [0, 1, 2, 3, 4],
      ),
    );
    console.log('  (delays from the Admin API answer; the alert crosses by the event log, woken by NOTIFY)');
    agent.destroy();
  } finally {
    for (const socket of sockets) socket.destroy();
    await node?.stop();
    await adminQuery(url, `drop schema if exists ${schema} cascade`).catch(() => undefined);
  }
  if (problems.length) {
    console.log('\n  ERRORS:');
    for (const problem of problems) console.log(`  - ${problem}`);
  }
  return { name, ok: problems.length === 0, problems };
}

function residentBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

// Entry point when run directly: tsx bench/live-streams.ts
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const outcome = await runLiveStreamsBench();
    runCleanup();
    process.exit(outcome.ok ? 0 : 1);
  } catch (error) {
    console.error(`\nlive-streams bench failed: ${error instanceof Error ? error.message : String(error)}`);
    runCleanup();
    process.exit(1);
  }
}
