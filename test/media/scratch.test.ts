import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeScratchDir, removeAbandonedScratch } from '../../src/media/process/scratch.js';

describe('scratch folders of jobs', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-scratch-test-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('removes the folders of processes that are gone, and only those', async () => {
    const mine = await makeScratchDir(tmp);
    fs.writeFileSync(path.join(mine, 'original'), 'a job of this process, running');
    // A process that has ended, as a worker killed mid-job has.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const abandoned = path.join(tmp, `dateline-scratch-${os.hostname()}-${dead}-Ab3dE9`);
    fs.mkdirSync(abandoned);
    fs.writeFileSync(path.join(abandoned, 'original'), 'x'.repeat(1000));
    const unrelated = path.join(tmp, 'someone-elses-file');
    fs.writeFileSync(unrelated, 'not ours');

    expect(await removeAbandonedScratch(tmp)).toEqual([path.basename(abandoned)]);
    expect(fs.readdirSync(tmp).sort()).toEqual([path.basename(mine), 'someone-elses-file'].sort());
  });
});
