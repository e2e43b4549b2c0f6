import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { onCleanup } from './cleanup.js';
import { pinned } from './commands.js';

export interface StartServerOptions {
  /** Shown in messages, e.g. "Dateline (cache on)". */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly host: string;
  readonly port: number;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Pin the process to this CPU with taskset (when taskset exists). */
  readonly cpu?: number;
  /** Path that answers 200 once the server is ready. */
  readonly readyPath?: string;
  readonly readyTimeoutMs?: number;
}

export interface ServerProcess {
  readonly name: string;
  readonly pid: number;
  /** Origin, e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  /** True while the process has not exited. */
  alive(): boolean;
  /** The last few KB of the child's stdout and stderr. */
  output(): string;
  /** SIGTERM by PID, then SIGKILL after `graceMs`. Resolves once the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

const OUTPUT_LIMIT = 16 * 1024;

/** Spawns a server and waits until GET readyPath answers 200, or throws with its output. */
export async function startServer(options: StartServerOptions): Promise<ServerProcess> {
  const { name, host, port, readyPath = '/readyz', readyTimeoutMs = 60_000 } = options;
  const [command, args] = pinned(options.cpu, options.command, options.args);
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  const unregister = onCleanup(() => {
    if (isAlive(child)) child.kill('SIGKILL');
  });

  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const readyUrl = origin + readyPath;
  const fail = (why: string): never => {
    if (isAlive(child)) child.kill('SIGKILL');
    unregister();
    const tail = output.trim() ? `\n--- ${name} output (last ${OUTPUT_LIMIT / 1024} KB) ---\n${output.trim()}\n---` : ` (${name} printed nothing)`;
    throw new Error(`${name} did not become ready: ${why}${tail}`);
  };

  const deadline = Date.now() + readyTimeoutMs;
  let lastProblem = 'no answer yet';
  for (;;) {
    if (spawnError) fail(`could not start "${command}": ${spawnError.message}`);
    if (!isAlive(child)) {
      await sleep(50); // let the last stderr chunks arrive
      fail(`it exited with ${child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`}`);
    }
    const status = await probe(readyUrl);
    if (status === 200) break;
    lastProblem = typeof status === 'number' ? `GET ${readyPath} answered ${status}` : status;
    if (Date.now() > deadline) fail(`no 200 from GET ${readyUrl} within ${readyTimeoutMs / 1000} s (last: ${lastProblem})`);
    await sleep(100);
  }

  const pid = child.pid;
  if (pid === undefined) fail('the child has no PID');

  return {
    name,
    pid: pid as number,
    origin,
    alive: () => isAlive(child),
    output: () => output,
    async stop(graceMs = 5_000) {
      if (isAlive(child)) {
        child.kill('SIGTERM');
        const killed = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
        if (!killed && isAlive(child)) {
          child.kill('SIGKILL');
          await exited;
        }
      }
      unregister();
    },
  };
}

function isAlive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Status code of one GET, or a description of why there was none. */
function probe(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: 2_000 }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', (error) => resolve(error.message));
    });
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', (error) => resolve(error.message));
  });
}
