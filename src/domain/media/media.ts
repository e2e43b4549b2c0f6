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

export interface MediaItem {
  readonly id: number;
  readonly kind: MediaKind;
  readonly title: string;
  readonly caption: string | null;
  /** Who made it: "Reuters". Shown as "(video: Reuters)". */
  readonly credit: string | null;
  readonly altText: string | null;
  readonly durationMs: number | null;
  readonly state: MediaState;
  readonly failureReason: string | null;
  readonly renditions: readonly Rendition[];
}

/** Renditions a browser can play directly or a reader can download: MP4 video or audio files. */
export function playableRenditions(item: MediaItem): Rendition[] {
  if (item.state !== 'ready') return [];
  return item.renditions.filter((r) => r.kind === 'mp4' || r.kind === 'audio');
}

export function posterOf(item: MediaItem): Rendition | undefined {
  return item.renditions.find((r) => r.kind === 'poster');
}
