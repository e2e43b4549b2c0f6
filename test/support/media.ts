import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { ActionDeps } from '../../src/actions/deps.js';
import type { MediaDeps } from '../../src/actions/media/media-deps.js';
import { registerMedia } from '../../src/actions/media/register-media.js';
import type { MediaKind, Rendition } from '../../src/domain/media/media.js';
import { DEFAULT_SIZE_LIMITS, type MediaSizeLimits } from '../../src/domain/media/renditions-plan.js';
import { localDiskStorage } from '../../src/media/storage/local-disk-storage.js';
import type { TestStore } from './store.js';

export interface TestMedia {
  readonly deps: MediaDeps;
  readonly dir: string;
  readonly mediaDir: string;
  readonly originalsDir: string;
  readonly tempDir: string;
  cleanup(): void;
}

/** Media deps on a test store: storage, originals and scratch space in a fresh temp folder. */
export function testMedia(t: Pick<TestStore, 'deps'>, limits: Partial<MediaSizeLimits> = {}): TestMedia {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-media-test-'));
  const mediaDir = path.join(dir, 'media');
  const originalsDir = path.join(dir, 'originals');
  const tempDir = path.join(dir, 'tmp');
  fs.mkdirSync(tempDir);
  return {
    deps: {
      ...t.deps,
      media: {
        storage: localDiskStorage(mediaDir),
        originals: localDiskStorage(originalsDir, '/not-served/'),
        tempDir,
        limits: { ...DEFAULT_SIZE_LIMITS, ...limits },
      },
    },
    dir,
    mediaDir,
    originalsDir,
    tempDir,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** A short clip made by ffmpeg: test pattern and a 440 Hz tone. */
export function makeClip(file: string, options: { seconds?: number; width?: number; height?: number; faststart?: boolean } = {}): string {
  const { seconds = 2, width = 1280, height = 720, faststart = true } = options;
  execFileSync('ffmpeg', [
    '-nostdin', '-v', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc=size=${width}x${height}:rate=25:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest',
    ...(faststart ? ['-movflags', '+faststart'] : []),
    file,
  ]);
  return file;
}

/** A short tone as a WAV file. */
export function makeTone(file: string, seconds = 2): string {
  execFileSync('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`, file]);
  return file;
}

export interface ProbedStream {
  codec_type: string;
  codec_name: string;
  width?: number;
  height?: number;
}

export function ffprobe(file: string): { format: { duration: string; format_name: string }; streams: ProbedStream[] } {
  return JSON.parse(
    execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], { encoding: 'utf8' }),
  ) as { format: { duration: string; format_name: string }; streams: ProbedStream[] };
}

/** Every file under a folder, relative paths, sorted. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => fs.statSync(path.join(dir, name)).isFile())
    .sort();
}

/** A ready video in the library with made-up renditions (no files): for tests of the library, not the pipeline. */
export async function givenMediaItem(
  deps: ActionDeps,
  overrides: { title?: string; caption?: string | null; credit?: string | null; kind?: MediaKind; state?: 'ready' | 'processing' } = {},
) {
  const kind = overrides.kind ?? 'video';
  const state = overrides.state ?? 'ready';
  const folder = `2026/11/${Math.random().toString(36).slice(2, 10)}`;
  const renditions: Rendition[] =
    state === 'processing'
      ? []
      : kind === 'image'
        ? [
            { kind: 'image', mimeType: 'image/jpeg', path: `${folder}/640.jpg`, width: 640, height: 360, sizeBytes: 40_000, label: '640w' },
            { kind: 'image', mimeType: 'image/jpeg', path: `${folder}/320.jpg`, width: 320, height: 180, sizeBytes: 12_000, label: '320w' },
          ]
        : [
            { kind: 'mp4', mimeType: 'video/mp4', path: `${folder}/720p.mp4`, width: 1280, height: 720, sizeBytes: 4_400_000, label: 'MP4 720p' },
            { kind: 'poster', mimeType: 'image/jpeg', path: `${folder}/poster.jpg`, width: 1280, height: 720, sizeBytes: 50_000, label: 'Poster' },
          ];
  return registerMedia(deps, {
    kind,
    title: overrides.title ?? 'Protest in the square',
    caption: overrides.caption ?? null,
    credit: overrides.credit ?? 'Reuters',
    durationMs: kind === 'image' ? null : 84_000,
    state,
    renditions,
  });
}

/** The "secret" a hostile playlist points at: an MPEG-TS clip of a distinctive length (7.3 s, 176x144). */
export const SECRET_CLIP_SECONDS = 7.3;

export interface IndirectionAttack {
  readonly name: string;
  readonly file: string;
}

/**
 * Files that are not media but lists of other files, each pointing at `secret` (a local clip
 * the uploader should never reach): an HLS playlist with a file:// URL segment, one with a bare
 * absolute path, and a concat list.
 */
export function makeIndirectionAttacks(dir: string): { secret: string; attacks: IndirectionAttack[] } {
  const secret = path.join(dir, 'secret-clip.ts');
  execFileSync('ffmpeg', [
    '-nostdin', '-v', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc=size=176x144:rate=25:duration=${SECRET_CLIP_SECONDS}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-f', 'mpegts', secret,
  ]);
  const playlist = (segment: string) =>
    `#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:8\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:${SECRET_CLIP_SECONDS},\n${segment}\n#EXT-X-ENDLIST\n`;
  const attacks = [
    { name: 'an HLS playlist with a file:// segment', file: path.join(dir, 'url-playlist.mp4'), text: playlist(`file://${secret}`) },
    { name: 'an HLS playlist with a bare absolute path', file: path.join(dir, 'path-playlist.mp4'), text: playlist(secret) },
    { name: 'a concat list', file: path.join(dir, 'concat-list.mp4'), text: `ffconcat version 1.0\nfile '${secret}'\nduration ${SECRET_CLIP_SECONDS}\n` },
  ];
  for (const attack of attacks) fs.writeFileSync(attack.file, attack.text);
  // An access time older than the change time: the next read of the clip moves it (relatime).
  fs.utimesSync(secret, new Date(1_000_000), new Date());
  return { secret, attacks: attacks.map(({ name, file }) => ({ name, file })) };
}

/** Whether `file` was read since makeIndirectionAttacks set its access time back. */
export function wasRead(file: string): boolean {
  return fs.statSync(file).atimeMs !== 1_000_000;
}

/**
 * A small PNG (a few hundred bytes) whose header declares `width` x `height` pixels: what a
 * decompression bomb looks like to anything that reads headers.
 */
export function makeHugeImageHeader(file: string, width = 16_000, height = 16_000): string {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // 8 bits a sample, grey, no interlace
  fs.writeFileSync(
    file,
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', zlib.deflateSync(Buffer.alloc((width + 1) * 4))),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
  return file;
}
