import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runTool } from '../../src/media/ffmpeg/run-tool.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Live (not zombie) processes whose arguments include `marker`. */
function running(marker: string): number[] {
  const pids: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (!fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').includes(marker)) continue;
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      if (!/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2))) pids.push(Number(name));
    } catch {
      // ended while read
    }
  }
  return pids;
}

describe('media tools are started so they die with their process', () => {
  it('ends a tool the moment the process that started it is killed with SIGKILL', { timeout: 30_000 }, async () => {
    // A long "encode" with a unique argument to find it by.
    const marker = `${600 + Math.floor(Math.random() * 1000)}.${process.pid}`;
    const script = `import { runTool } from './src/media/ffmpeg/run-tool.ts'; await runTool('sleep', ['${marker}']);`;
    const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: 'ignore', detached: true });
    try {
      const deadline = Date.now() + 20_000;
      while (running(marker).length === 0) {
        if (Date.now() > deadline) throw new Error('the tool did not start');
        await delay(50);
      }
      process.kill(parent.pid ?? 0, 'SIGKILL');
      const gone = Date.now() + 5_000;
      while (running(marker).length > 0 && Date.now() < gone) await delay(20);
      expect(running(marker)).toEqual([]);
    } finally {
      if (parent.pid) {
        try {
          process.kill(-parent.pid, 'SIGKILL');
        } catch {
          // already gone with all it started
        }
      }
    }
  });

  it('reports a tool that is not installed as not found, not as a failed conversion', async () => {
    await expect(runTool('dateline-no-such-tool', ['-version'])).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
