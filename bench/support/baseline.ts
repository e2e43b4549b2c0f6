import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getRaw, replayableHeaders, type RawResponse } from './http.js';
import { freePort } from './ports.js';
import { startServer, type ServerProcess } from './server-process.js';
import { DEFAULT_HEADERS } from './wrk.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HOST = '127.0.0.1';

/**
 * The baseline every page is measured against: a bare node:http server (bench/baseline-server.mjs)
 * answering `urlPath` with exactly the recorded status, headers and bytes. Checks that it does.
 */
export async function startReplayBaseline(options: {
  readonly work: string;
  readonly fileName: string;
  readonly recorded: RawResponse;
  readonly urlPath: string;
  readonly cpu?: number;
}): Promise<ServerProcess> {
  const { recorded } = options;
  const file = path.join(options.work, options.fileName);
  writeFileSync(
    file,
    JSON.stringify({
      status: recorded.status,
      statusMessage: recorded.statusMessage,
      rawHeaders: replayableHeaders(recorded.rawHeaders),
      bodyBase64: recorded.body.toString('base64'),
    }),
  );
  const port = await freePort(HOST);
  const baseline = await startServer({
    name: 'baseline node:http',
    command: process.execPath,
    args: [path.join(ROOT, 'bench/baseline-server.mjs'), file, String(port), HOST],
    host: HOST,
    port,
    ...(options.cpu === undefined ? {} : { cpu: options.cpu }),
    readyPath: options.urlPath,
    readyTimeoutMs: 10_000,
  });
  const replay = await getRaw(baseline.origin + options.urlPath, DEFAULT_HEADERS);
  if (!replay.body.equals(recorded.body) || replay.status !== recorded.status) {
    await baseline.stop();
    throw new Error('the baseline server does not answer with the recorded bytes');
  }
  return baseline;
}
