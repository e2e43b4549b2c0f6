import { LOCKED_OUTPUT, lockedInput } from './containers.js';
import { runTool } from './run-tool.js';
import type { MediaInput } from './video.js';

const QUIET = ['-nostdin', '-hide_banner', '-v', 'error', '-y', '-xerror'];

/** AAC in an MP4 container (.m4a), fast start, for browsers and players. */
export async function encodeAac(input: MediaInput, output: string, signal?: AbortSignal): Promise<void> {
  await runTool(
    'ffmpeg',
    [
      ...QUIET, ...lockedInput(input.file, input.container), '-map', '0:a:0', '-vn', '-map_metadata', '-1',
      '-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart', ...LOCKED_OUTPUT, output,
    ],
    signal ? { signal } : {},
  );
}

/** MP3, for the oldest players people pass files on to. */
export async function encodeMp3(input: MediaInput, output: string, signal?: AbortSignal): Promise<void> {
  await runTool(
    'ffmpeg',
    [...QUIET, ...lockedInput(input.file, input.container), '-map', '0:a:0', '-vn', '-map_metadata', '-1', '-c:a', 'libmp3lame', '-b:a', '128k', ...LOCKED_OUTPUT, output],
    signal ? { signal } : {},
  );
}
