import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { assertMediaKey } from './media-key.js';
import type { MediaStorage, StoredFile } from './media-storage.js';

/**
 * Media on local disk under one folder (MEDIA_DIR). A file is copied to a hidden partial
 * name first and renamed into place, so a reader never sees half a file.
 */
export function localDiskStorage(root: string, urlBase = '/media/'): MediaStorage {
  fs.mkdirSync(root, { recursive: true });
  const fileOf = (key: string) => path.join(root, ...assertMediaKey(key).split('/'));

  return {
    async put(key, sourceFile): Promise<StoredFile> {
      const target = fileOf(key);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const partial = path.join(path.dirname(target), `.partial-${randomBytes(6).toString('hex')}`);
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
