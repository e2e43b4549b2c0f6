import type { FocalPoint } from './focal-point.js';
export type MediaKind = 'video' | 'audio' | 'image';
/** processing: no playable rendition yet; failed: the pipeline gave up (with a reason); none: withdrawn or never uploaded. */
export type MediaState = 'processing' | 'ready' | 'failed' | 'none';
export type RenditionKind = 'mp4' | 'hls' | 'poster' | 'audio' | 'image';

export interface Rendition {
  readonly kind: RenditionKind;
  readonly mimeType: string;
  /** Key in the media store, e.g. "2026/11/abc/720.mp4"; the web layer turns it into a URL. */
  readonly path: string;
  readonly width: number | null;
  readonly height: number | null;
  readonly sizeBytes: number;
  readonly label: string;
}

/** A WebVTT captions file of a media item in one language. */
export interface Caption {
  /** BCP 47 language tag, e.g. "en", "ky", "fa". */
  readonly language: string;
  /** What the player's captions menu shows: "English". */
  readonly label: string;
  /** Key in the media store. */
  readonly path: string;
  readonly sizeBytes: number;
}

export interface MediaItem {
  readonly id: number;
  readonly kind: MediaKind;
  readonly title: string;
  readonly caption: string | null;
  /** Who made it: "Reuters". Shown as "(video: Reuters)". */
  readonly credit: string | null;
  readonly altText: string | null;
  /** Where crops of the picture centre; absent or null: the centre. */
  readonly focalPoint?: FocalPoint | null;
  readonly durationMs: number | null;
  readonly state: MediaState;
  readonly failureReason: string | null;
  readonly renditions: readonly Rendition[];
  readonly captions: readonly Caption[];
}

/** A media item as the library lists it: with when it came in. */
export interface StoredMediaItem extends MediaItem {
  readonly createdAt: Date;
}

export const MEDIA_KINDS: readonly MediaKind[] = ['video', 'audio', 'image'];
export const MEDIA_STATES: readonly MediaState[] = ['processing', 'ready', 'failed', 'none'];

/** Upload limits as people read them. */
export type MediaSizeLimitsInMb = Readonly<Record<MediaKind, number>>;

/** The picture that stands for an item in a list: its poster, or for an image its smallest rendition. */
export function thumbnailOf(item: MediaItem): Rendition | undefined {
  const poster = posterOf(item);
  if (poster) return poster;
  const images = item.renditions.filter((r) => r.kind === 'image');
  return images.sort((a, b) => (a.width ?? 0) - (b.width ?? 0) || a.sizeBytes - b.sizeBytes)[0];
}

/** Renditions a browser can play directly or a reader can download: MP4 video or audio files. */
export function playableRenditions(item: MediaItem): Rendition[] {
  if (item.state !== 'ready') return [];
  return item.renditions.filter((r) => r.kind === 'mp4' || r.kind === 'audio');
}

export function posterOf(item: MediaItem): Rendition | undefined {
  return item.renditions.find((r) => r.kind === 'poster');
}

/** One <source> of the player: a rendition, and the screens it is meant for (a media query), if not every one. */
export interface PlayerSource {
  readonly rendition: Rendition;
  readonly media: string | null;
}

/**
 * The player's sources in the order a browser should try them: the HLS playlist first where the
 * browser plays it natively (it adapts to the screen and the connection), then the MP4 files from
 * the largest down, each offered to screens at least three quarters of its width, the smallest to
 * every screen. A desktop gets its large file first and a phone its small one; the browser takes
 * the first source it can play whose media query matches.
 */
export function playerSources(item: MediaItem): PlayerSource[] {
  const files = playableRenditions(item);
  if (item.kind !== 'video') return files.map((rendition) => ({ rendition, media: null }));
  const mp4 = [...files].sort((a, b) => (b.width ?? 0) - (a.width ?? 0) || b.sizeBytes - a.sizeBytes);
  const hls = item.renditions.find((r) => r.kind === 'hls');
  return [
    ...(hls ? [{ rendition: hls, media: null }] : []),
    ...mp4.map((rendition, index) => ({
      rendition,
      media: index < mp4.length - 1 && rendition.width ? `(min-width: ${Math.round(rendition.width * 0.75)}px)` : null,
    })),
  ];
}
