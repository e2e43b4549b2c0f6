import { spawnSync } from 'node:child_process';
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

  it('stores a folder under one key with all its files, never over an existing key, leaving no partial copy', async () => {
    const hls = path.join(dir, 'hls');
    fs.mkdirSync(path.join(hls, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(hls, 'master.m3u8'), '#EXTM3U\n360p.m3u8\n');
    fs.writeFileSync(path.join(hls, '360p.m3u8'), '#EXTM3U\n');
    fs.writeFileSync(path.join(hls, 'sub', 'a.ts'), '0123');
    expect(await storage.putFolder('2026/11/abc/hls', hls)).toEqual({
      keys: ['2026/11/abc/hls/360p.m3u8', '2026/11/abc/hls/master.m3u8', '2026/11/abc/hls/sub/a.ts'],
      sizeBytes: 18 + 8 + 4,
    });
    expect(await text(await storage.open('2026/11/abc/hls/sub/a.ts'))).toBe('0123');
    await expect(storage.putFolder('2026/11/abc/hls', hls)).rejects.toThrow(/already exists/);
    expect(fs.readdirSync(path.join(root, '2026/11/abc/hls')).sort()).toEqual(['360p.m3u8', 'master.m3u8', 'sub']);
    expect(fs.readdirSync(path.join(root, '.partial'))).toEqual([]);
  });

  it('removes half copies left by a process that died, and keeps those of live processes', async () => {
    const staging = path.join(root, '.partial');
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid;
    const host = os.hostname();
    fs.mkdirSync(path.join(staging, `${host}-${dead}-0123456789ab`), { recursive: true });
    fs.writeFileSync(path.join(staging, `${host}-${dead}-ba9876543210`), 'half');
    fs.writeFileSync(path.join(staging, `${host}-${process.pid}-0123456789ab`), 'mine, copying now');
    fs.writeFileSync(path.join(staging, `another-node-${dead}-0123456789ab`), 'a node sharing the folder');
    await storage.removeAbandoned();
    expect(fs.readdirSync(staging).sort()).toEqual([`${host}-${process.pid}-0123456789ab`, `another-node-${dead}-0123456789ab`].sort());
  });

  it('makes a fresh random folder per item, by year and month', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    const a = newMediaFolder(now);
    expect(a).toMatch(/^2026\/11\/[0-9a-f]{24}$/);
    expect(newMediaFolder(now)).not.toBe(a);
  });
});
