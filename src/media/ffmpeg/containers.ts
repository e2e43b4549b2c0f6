/**
 * The containers ffprobe and ffmpeg may read, by demuxer name, and nothing else: no playlist
 * or list demuxer (hls, dash, concat, ffmetadata...) that would make them open other files,
 * no image sequence, no raw stream guessed from random bytes. Images are read by sharp, not
 * by ffmpeg (see IMAGE_FORMATS in ../probe.ts).
 */
export const ACCEPTED_CONTAINERS = ['mov', 'matroska', 'mpegts', 'avi', 'wav', 'mp3', 'ogg', 'flac', 'aac'] as const;
export type Container = (typeof ACCEPTED_CONTAINERS)[number];

/** Only local files and pipes, never a network, data: or subfile/concat protocol. */
const PROTOCOLS = 'file,pipe';

/**
 * The container ffprobe found (its `format_name`, e.g. "mov,mp4,m4a,3gp,3g2,mj2" or
 * "matroska,webm"), as the demuxer name to force on ffmpeg with -f; null when not accepted.
 */
export function acceptedContainer(formatName: string | undefined): Container | null {
  const names = (formatName ?? '').split(',');
  return ACCEPTED_CONTAINERS.find((name) => names.includes(name)) ?? null;
}

/**
 * The input options of every ffmpeg and ffprobe run: local files and pipes only, only the
 * accepted demuxers, and when the container is known, that demuxer forced with -f (no probing
 * again). The path goes through the file protocol explicitly, so no part of it is read as a
 * protocol or option.
 */
export function lockedInput(file: string, container?: Container): string[] {
  return [
    '-protocol_whitelist', PROTOCOLS,
    '-format_whitelist', container ?? ACCEPTED_CONTAINERS.join(','),
    ...(container ? ['-f', container] : []),
    '-i', `file:${file}`,
  ];
}

/** The options before an output: written to local files only (the HLS muxer opens its segments itself). */
export const LOCKED_OUTPUT: readonly string[] = ['-protocol_whitelist', 'file'];

/**
 * Demuxers that make ffmpeg open other files or streams: playlists, manifests, lists of
 * files, image sequences, session descriptions. Never accepted; named so a refusal can say why.
 */
const INDIRECTIONS = new Set(['hls', 'applehttp', 'dash', 'concat', 'imf', 'image2', 'sdp', 'rtsp', 'rtp', 'lavfi', 'webm_dash_manifest']);

/**
 * What ffmpeg's words say about a file refused by the container whitelist
 * ("[hls @ 0x...] Format not on whitelist"): a list of other files, another container, or
 * null when it was not refused for its container.
 */
export function refusedContainer(stderr: string): 'indirection' | 'other' | null {
  const match = /\[([\w,]+) @ [^\]]*\] Format not on whitelist/.exec(stderr);
  if (!match) return /Format not on whitelist/.test(stderr) ? 'other' : null;
  return (match[1] ?? '').split(',').some((name) => INDIRECTIONS.has(name)) ? 'indirection' : 'other';
}
