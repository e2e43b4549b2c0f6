import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDiskStorage } from '../../src/media/storage/local-disk-storage.js';
import { isMediaKey, newMediaFolder } from '../../src/media/storage/media-key.js';
import type { MediaStorage } from '../../src/media/storage/media-storage.js';

describe('local disk media storage', () => {
  let dir: string;
  let root: string;
  let storage: MediaStorage;
  let source: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-storage-'));
    root = path.join(dir, 'media');
    storage = localDiskStorage(root);
    source = path.join(dir, 'source.txt');
    fs.writeFileSync(source, '0123456789');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('puts a file under a key, then stats, streams, ranges and deletes it', async () => {
    expect(await storage.put('2026/11/abc/file.txt', source)).toEqual({ key: '2026/11/abc/file.txt', sizeBytes: 10 });
    expect(await storage.stat('2026/11/abc/file.txt')).toEqual({ key: '2026/11/abc/file.txt', sizeBytes: 10 });
    expect(await text(await storage.open('2026/11/abc/file.txt'))).toBe('0123456789');
    expect(await text(await storage.open('2026/11/abc/file.txt', { start: 2, end: 4 }))).toBe('234');
    expect(storage.urlPath('2026/11/abc/file.txt')).toBe('/media/2026/11/abc/file.txt');
    await storage.delete('2026/11/abc/file.txt');
    expect(await storage.stat('2026/11/abc/file.txt')).toBeNull();
    await storage.delete('2026/11/abc/file.txt');
  });

  it('never overwrites a key in place and leaves no partial files', async () => {
    await storage.put('a/file.txt', source);
    fs.writeFileSync(source, 'changed');
    await expect(storage.put('a/file.txt', source)).rejects.toThrow(/already exists/);
    expect(await text(await storage.open('a/file.txt'))).toBe('0123456789');
    expect(fs.readdirSync(path.join(root, 'a'))).toEqual(['file.txt']);
  });

  it('refuses keys that could leave the folder or hide files', async () => {
    for (const key of ['../x', 'a/../../x', '/etc/passwd', '.hidden', 'a//b', '', 'a/b c']) {
      expect(isMediaKey(key)).toBe(false);
      await expect(storage.put(key, source)).rejects.toThrow(/not a valid media key/);
    }
    expect(fs.readdirSync(root)).toEqual([]);
  });

  it('makes a fresh random folder per item, by year and month', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    const a = newMediaFolder(now);
    expect(a).toMatch(/^2026\/11\/[0-9a-f]{24}$/);
    expect(newMediaFolder(now)).not.toBe(a);
  });
});
