import { runTool } from './run-tool.js';

const QUIET = ['-nostdin', '-hide_banner', '-v', 'error', '-y', '-xerror'];

/** AAC in an MP4 container (.m4a), fast start, for browsers and players. */
export async function encodeAac(input: string, output: string, signal?: AbortSignal): Promise<void> {
  await runTool(
    'ffmpeg',
    [...QUIET, '-i', input, '-map', '0:a:0', '-vn', '-map_metadata', '-1', '-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart', output],
    signal ? { signal } : {},
  );
}

/** MP3, for the oldest players people pass files on to. */
export async function encodeMp3(input: string, output: string, signal?: AbortSignal): Promise<void> {
  await runTool(
    'ffmpeg',
    [...QUIET, '-i', input, '-map', '0:a:0', '-vn', '-map_metadata', '-1', '-c:a', 'libmp3lame', '-b:a', '128k', output],
    signal ? { signal } : {},
  );
}
