import fs from 'node:fs';
import path from 'node:path';
import { LOCKED_OUTPUT, lockedInput, type Container } from './containers.js';
import { runTool } from './run-tool.js';

const FFMPEG = 'ffmpeg';
const QUIET = ['-nostdin', '-hide_banner', '-v', 'error', '-y'];

/** A file ffmpeg reads, with the container ffprobe accepted it as (forced with -f). */
export interface MediaInput {
  readonly file: string;
  readonly container: Container;
}

/** The ffmpeg arguments for one web MP4: H.264 main + AAC stereo, fast start, no source metadata. */
export function mp4Args(input: MediaInput, output: string, height: number): string[] {
  return [
    ...QUIET,
    '-xerror',
    ...lockedInput(input.file, input.container),
    '-map', '0:v:0', '-map', '0:a:0?',
    '-map_metadata', '-1',
    '-vf', `scale=-2:${height}:flags=bicubic,format=yuv420p`,
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-profile:v', 'main',
    // A key frame every 2 s, so HLS segments cut cleanly from this file.
    '-force_key_frames', 'expr:gte(t,n_forced*2)',
    '-c:a', 'aac', '-b:a', '128k', '-ac', '2',
    '-movflags', '+faststart',
    ...LOCKED_OUTPUT,
    output,
  ];
}

export async function encodeMp4(input: MediaInput, output: string, height: number, signal?: AbortSignal): Promise<void> {
  await runTool(FFMPEG, mp4Args(input, output, height), signal ? { signal } : {});
}

export async function extractPoster(input: MediaInput, output: string, atMs: number, height: number, signal?: AbortSignal): Promise<void> {
  await runTool(
    FFMPEG,
    [
      ...QUIET, '-ss', (atMs / 1000).toFixed(3), ...lockedInput(input.file, input.container),
      '-map_metadata', '-1', '-frames:v', '1', '-vf', `scale=-2:${height}`, '-q:v', '3', ...LOCKED_OUTPUT, output,
    ],
    signal ? { signal } : {},
  );
}

export interface HlsVariant {
  /** A web MP4 made by encodeMp4 (H.264/AAC), cut into segments without re-encoding. */
  readonly file: string;
  readonly width: number;
  readonly height: number;
  readonly durationMs: number;
}

/**
 * HLS from the MP4 renditions: each is cut into MPEG-TS segments (copied, not re-encoded)
 * with its own playlist, and a master playlist lists them. Returns the files written,
 * relative to `dir`, master.m3u8 first.
 */
export async function packageHls(variants: readonly HlsVariant[], dir: string, signal?: AbortSignal): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3'];
  for (const variant of variants) {
    const name = `${variant.height}p`;
    await runTool(
      FFMPEG,
      [
        // Our own MP4, read as MP4 only.
        ...QUIET, ...lockedInput(variant.file, 'mov'), '-map', '0', '-c', 'copy',
        '-f', 'hls', '-hls_time', '4', '-hls_playlist_type', 'vod', ...LOCKED_OUTPUT,
        '-hls_segment_filename', path.join(dir, `${name}-%03d.ts`),
        path.join(dir, `${name}.m3u8`),
      ],
      signal ? { signal } : {},
    );
    const bits = fs.statSync(variant.file).size * 8;
    const bandwidth = Math.ceil((bits / Math.max(1, variant.durationMs / 1000)) * 1.1);
    lines.push(`#EXT-X-STREAM-INF:BANDWIDTH=${bandwidth},RESOLUTION=${variant.width}x${variant.height}`, `${name}.m3u8`);
  }
  fs.writeFileSync(path.join(dir, 'master.m3u8'), `${lines.join('\n')}\n`);
  return ['master.m3u8', ...fs.readdirSync(dir).filter((f) => f !== 'master.m3u8').sort()];
}
