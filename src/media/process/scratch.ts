import fs from 'node:fs';
import path from 'node:path';
import { ownerIsGone, ownerTag } from './owner.js';

const PREFIX = 'dateline-scratch-';
/** mkdtemp adds six characters. */
const NAME = /^dateline-scratch-(.+)-[A-Za-z0-9]{6}$/;

/** A fresh scratch folder in `tempDir` for one job, named after this process (see removeAbandonedScratch). */
export function makeScratchDir(tempDir: string): Promise<string> {
  return fs.promises.mkdtemp(path.join(tempDir, `${PREFIX}${ownerTag()}-`));
}

/**
 * Removes the scratch folders of processes that are gone: a job removes its own folder
 * whatever happens, unless its process was killed (SIGKILL, out of memory, power cut).
 * Run at start; returns the folders removed.
 */
export async function removeAbandonedScratch(tempDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.promises.readdir(tempDir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const owner = NAME.exec(name)?.[1];
    if (owner === undefined || !ownerIsGone(owner)) continue;
    await fs.promises.rm(path.join(tempDir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
