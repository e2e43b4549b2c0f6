import { spawn, type ChildProcess } from 'node:child_process';
import { onCleanup } from './cleanup.js';
import { hasCommand, LOAD_CPU, pinned } from './commands.js';

export interface WrkOptions {
  readonly url: string;
  readonly seconds: number;
  readonly connections?: number;
  readonly threads?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** CPU to pin wrk to (when taskset exists). */
  readonly cpu?: number;
}

export interface WrkResult {
  readonly url: string;
  readonly seconds: number;
  readonly requests: number;
  readonly rps: number;
  readonly latencyP50Ms: number | undefined;
  readonly latencyP99Ms: number | undefined;
  /** wrk's "Non-2xx or 3xx responses" count (it counts statuses >= 400). */
  readonly non2xx: number;
  readonly socketErrors: { readonly connect: number; readonly read: number; readonly write: number; readonly timeout: number };
  readonly output: string;
}

export const DEFAULT_HEADERS = { 'accept-encoding': 'br, gzip' } as const;

/** Exits with a clear message when wrk is not installed. */
export function requireWrk(): void {
  if (hasCommand('wrk')) return;
  console.error(
    [
      'The page-speed benchmark needs the HTTP load generator "wrk", which is not installed.',
      'Install it with:  apt-get install wrk   (scripts/setup installs it too)',
    ].join('\n'),
  );
  process.exit(1);
}

/** `wrk -t1 -c64 -d<s>s --latency -H 'accept-encoding: br, gzip' URL`, pinned to the load CPU. */
export async function runWrk(options: WrkOptions): Promise<WrkResult> {
  const { url, seconds, connections = 64, threads = 1, headers = DEFAULT_HEADERS, cpu = LOAD_CPU } = options;
  const wrkArgs = [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '--latency'];
  for (const [name, value] of Object.entries(headers)) wrkArgs.push('-H', `${name}: ${value}`);
  wrkArgs.push(url);
  const [command, args] = pinned(cpu, 'wrk', wrkArgs);

  const { code, stdout, stderr } = await run(command, args);
  if (code !== 0 || !/Requests\/sec:/.test(stdout)) {
    throw new Error(`wrk failed (exit ${code}) against ${url}:\n${(stdout + stderr).trim()}`);
  }
  return parseWrk(stdout, url, seconds);
}

/** Problems with a run: any non-2xx response or socket error, or no requests at all. */
export function wrkProblems(result: WrkResult): string[] {
  const problems: string[] = [];
  if (result.requests === 0) problems.push('no requests completed');
  if (result.non2xx > 0) problems.push(`${result.non2xx} non-2xx responses`);
  const { connect, read, write, timeout } = result.socketErrors;
  if (connect + read + write + timeout > 0) {
    problems.push(`socket errors: connect ${connect}, read ${read}, write ${write}, timeout ${timeout}`);
  }
  return problems;
}

export function parseWrk(output: string, url: string, seconds: number): WrkResult {
  const number = (pattern: RegExp) => {
    const match = pattern.exec(output);
    return match?.[1] === undefined ? undefined : Number(match[1]);
  };
  const sockets = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    url,
    seconds,
    requests: number(/(\d+) requests in /) ?? 0,
    rps: number(/Requests\/sec:\s+([\d.]+)/) ?? 0,
    latencyP50Ms: percentile(output, '50'),
    latencyP99Ms: percentile(output, '99'),
    non2xx: number(/Non-2xx or 3xx responses:\s+(\d+)/) ?? 0,
    socketErrors: {
      connect: Number(sockets?.[1] ?? 0),
      read: Number(sockets?.[2] ?? 0),
      write: Number(sockets?.[3] ?? 0),
      timeout: Number(sockets?.[4] ?? 0),
    },
    output,
  };
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

function percentile(output: string, which: string): number | undefined {
  const match = new RegExp(`^\\s*${which}(?:\\.0+)?%\\s+([\\d.]+)(us|ms|s|m|h)\\s*$`, 'm').exec(output);
  if (!match?.[1] || !match[2]) return undefined;
  return Number(match[1]) * (UNIT_MS[match[2]] ?? Number.NaN);
}

function run(command: string, args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const unregister = onCleanup(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', (error) => {
      unregister();
      reject(error);
    });
    child.once('close', (code) => {
      unregister();
      resolve({ code, stdout, stderr });
    });
  });
}
