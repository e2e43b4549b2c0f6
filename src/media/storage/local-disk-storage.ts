import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { ownerIsGone, ownerTag } from '../process/owner.js';
import { assertMediaKey } from './media-key.js';
import type { MediaStorage, StoredFile } from './media-storage.js';

/**
 * Media on local disk under one folder (MEDIA_DIR). Files and folders are copied into the
 * hidden `.partial` folder of the same disk first (never served: dot files are refused) and
 * linked or renamed into place when complete, so a reader never sees half a file or half an
 * HLS folder. Each copy there is named after its process, so a start removes what a killed
 * process left (`removeAbandoned`).
 */
export function localDiskStorage(root: string, urlBase = '/media/'): MediaStorage {
  fs.mkdirSync(root, { recursive: true });
  const fileOf = (key: string) => path.join(root, ...assertMediaKey(key).split('/'));
  const staging = path.join(root, '.partial');
  const stagingPath = async () => {
    await fs.promises.mkdir(staging, { recursive: true });
    return path.join(staging, `${ownerTag()}-${randomBytes(6).toString('hex')}`);
  };

  return {
    async put(key, sourceFile): Promise<StoredFile> {
      const target = fileOf(key);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const partial = await stagingPath();
      try {
        await fs.promises.copyFile(sourceFile, partial, fs.constants.COPYFILE_EXCL);
        // link() fails if the key exists: keys are written once.
        await fs.promises.link(partial, target);
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'EEXIST') {
          throw new Error(`media key already exists: ${key}`, { cause: error });
        }
        throw error;
      } finally {
        await fs.promises.rm(partial, { force: true });
      }
      const { size } = await fs.promises.stat(target);
      return { key, sizeBytes: size };
    },

    async putFolder(key, sourceDir) {
      const target = fileOf(key);
      const names = (await fs.promises.readdir(sourceDir, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(sourceDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
        .sort();
      const keys = names.map((name) => assertMediaKey(`${key}/${name}`));
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const partial = await stagingPath();
      try {
        await fs.promises.mkdir(partial);
        // Regular files only, one by one: nothing else of the source folder (a link) comes along.
        for (const name of names) {
          const copy = path.join(partial, ...name.split('/'));
          await fs.promises.mkdir(path.dirname(copy), { recursive: true });
          await fs.promises.copyFile(path.join(sourceDir, ...name.split('/')), copy, fs.constants.COPYFILE_EXCL);
        }
        if (await exists(target)) throw new Error(`media key already exists: ${key}`);
        // One rename: the folder appears with every file in it.
        await fs.promises.rename(partial, target);
      } finally {
        await fs.promises.rm(partial, { recursive: true, force: true });
      }
      let sizeBytes = 0;
      for (const name of names) sizeBytes += (await fs.promises.stat(path.join(target, ...name.split('/')))).size;
      return { keys, sizeBytes };
    },

    async removeAbandoned() {
      let names: string[];
      try {
        names = await fs.promises.readdir(staging);
      } catch {
        return;
      }
      for (const name of names) {
        const owner = /^(.+)-[0-9a-f]{12}$/.exec(name)?.[1];
        if (owner !== undefined && ownerIsGone(owner)) await fs.promises.rm(path.join(staging, name), { recursive: true, force: true });
      }
    },

    async open(key, range): Promise<Readable> {
      const file = fileOf(key);
      await fs.promises.access(file, fs.constants.R_OK);
      return fs.createReadStream(file, range ? { start: range.start, ...(range.end !== undefined ? { end: range.end } : {}) } : {});
    },

    async stat(key): Promise<StoredFile | null> {
      try {
        const stats = await fs.promises.stat(fileOf(key));
        return stats.isFile() ? { key, sizeBytes: stats.size } : null;
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
        throw error;
      }
    },

    async delete(key): Promise<void> {
      await fs.promises.rm(fileOf(key), { force: true });
    },

    urlPath: (key) => `${urlBase}${assertMediaKey(key)}`,
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.promises.lstat(file);
    return true;
  } catch {
    return false;
  }
}
