import { spawn } from 'node:child_process';
import { diesWithParent, startFailure } from '../process/dies-with-parent.js';

/** A media tool (ffmpeg, ffprobe) that did not finish its work, with the end of what it said. */
export class ToolError extends Error {
  override readonly name = 'ToolError';
  constructor(
    readonly tool: string,
    readonly exitCode: number | null,
    readonly signal: string | null,
    readonly stderrTail: string,
  ) {
    super(`${tool} ${signal ? `was stopped (${signal})` : `exited with ${exitCode}`}: ${stderrTail || 'no message'}`);
  }

  /** Out of disk, memory or killed from outside: worth trying again later. */
  get transient(): boolean {
    return this.signal !== null || /No space left|Cannot allocate memory|Resource temporarily unavailable/i.test(this.stderrTail);
  }
}

/** Runs a tool without a shell, so that it dies with this process; resolves with its stdout, rejects with a ToolError. */
export function runTool(command: string, args: readonly string[], options: { signal?: AbortSignal } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const started = diesWithParent(command, args);
    const child = spawn(started.command, started.args, { stdio: ['ignore', 'pipe', 'pipe'], ...(options.signal ? { signal: options.signal } : {}) });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      err = (err + chunk.toString('utf8')).slice(-8_000);
    });
    child.on('error', (error) => reject(error));
    child.on('close', (code, signal) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(startFailure(command, code, err) ?? new ToolError(command, code, signal, lastLines(err)));
    });
  });
}

function lastLines(text: string, count = 3): string {
  return text.trim().split('\n').slice(-count).join(' / ').trim();
}
