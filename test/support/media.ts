import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MediaDeps } from '../../src/actions/media/media-deps.js';
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
