import { spawnSync } from 'node:child_process';

const known = new Map<string, boolean>();

/** Whether an executable is on PATH (`command -v`). */
export function hasCommand(name: string): boolean {
  let found = known.get(name);
  if (found === undefined) {
    found = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', name], { stdio: 'ignore' }).status === 0;
    known.set(name, found);
  }
  return found;
}

/**
 * Prefixes a command with `taskset -c <cpu>` when taskset exists, so the server and the
 * load generator each get their own core. taskset execs the command, so the child's
 * PID is the command's PID.
 */
export function pinned(cpu: number | undefined, command: string, args: readonly string[]): [string, string[]] {
  if (cpu === undefined || !hasCommand('taskset')) return [command, [...args]];
  return ['taskset', ['-c', String(cpu), command, ...args]];
}

/** CPU numbers used for pinning: the server under test gets core 0, wrk gets core 1. */
export const SERVER_CPU = 0;
export const LOAD_CPU = 1;
