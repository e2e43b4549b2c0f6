import { invalid, type DomainError } from '../shared/errors.js';
import type { MediaKind } from './media.js';

/** Largest file accepted per kind, in bytes. */
export type MediaSizeLimits = Readonly<Record<MediaKind, number>>;

export const DEFAULT_SIZE_LIMITS: MediaSizeLimits = {
  video: 4 * 1024 ** 3,
  audio: 500 * 1024 ** 2,
  image: 50 * 1024 ** 2,
};

/** The largest file of any kind: what an upload may declare before its kind is known. */
export function largestSizeLimit(limits: MediaSizeLimits): number {
  return Math.max(limits.video, limits.audio, limits.image);
}

export function mediaTooLarge(limit: number, kind?: MediaKind): DomainError {
  const mb = Math.floor(limit / 1024 / 1024);
  return invalid('MEDIA_TOO_LARGE', `${kind ? `a ${kind} file` : 'a file'} may be at most ${mb} MB`, 'file');
}

/** The MP4 heights made for a video of this height: a small ladder, never upscaled. */
export function videoHeights(sourceHeight: number, ladder: readonly number[] = [360, 720]): number[] {
  const fitting = ladder.filter((height) => height <= sourceHeight);
  if (fitting.length) return fitting;
  const even = Math.max(2, Math.floor(sourceHeight / 2) * 2);
  return [even];
}

/** The widths made for an image of this width: never wider than the original. */
export function imageWidths(sourceWidth: number, ladder: readonly number[] = [320, 640, 1024, 1600]): number[] {
  const below = ladder.filter((width) => width < sourceWidth);
  const top = Math.min(sourceWidth, ladder[ladder.length - 1] ?? sourceWidth);
  return [...new Set([...below, top])].sort((a, b) => a - b);
}

/** Where in a video the poster frame is taken: a quarter in, at most 3 s. */
export function posterTimeMs(durationMs: number): number {
  return Math.min(3_000, Math.floor(durationMs / 4));
}

/** The width ffmpeg's scale=-2:height gives: the source's aspect, rounded to an even number. */
export function scaledWidth(sourceWidth: number, sourceHeight: number, height: number): number {
  return Math.max(2, Math.round((height * sourceWidth) / (sourceHeight * 2)) * 2);
}
