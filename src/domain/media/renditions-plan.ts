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

/**
 * The most pixels an image may have: 50 megapixels (an 8,660 x 5,773 photo, more than most
 * cameras make). Decoding one takes about 4 bytes a pixel, so this caps an image's memory
 * near 200 MB; a small file that declares 16,000 x 16,000 pixels is refused from its header.
 */
export const MAX_IMAGE_PIXELS = 50_000_000;

/** An image's size in pixels, refused over MAX_IMAGE_PIXELS with a reason that gives both. */
export function checkImagePixels(width: number, height: number): void {
  if (width * height <= MAX_IMAGE_PIXELS) return;
  const megapixels = Math.ceil((width * height) / 1_000_000);
  throw invalid(
    'MEDIA_TOO_LARGE',
    `the image is ${width} x ${height} pixels (${megapixels} megapixels): an image may have at most ${MAX_IMAGE_PIXELS / 1_000_000} megapixels`,
    'file',
  );
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
