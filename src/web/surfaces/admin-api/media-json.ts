import { thumbnailOf, type StoredMediaItem } from '../../../domain/media/media.js';

/** Turns a media store key into the URL a browser fetches it from. */
export type MediaUrl = (key: string) => string;

export function mediaSummaryJson(item: StoredMediaItem, url: MediaUrl) {
  const thumbnail = thumbnailOf(item);
  return {
    id: item.id,
    kind: item.kind,
    status: item.state,
    title: item.title,
    caption: item.caption,
    credit: item.credit,
    alt: item.altText,
    durationMs: item.durationMs,
    posterUrl: thumbnail ? url(thumbnail.path) : null,
    createdAt: item.createdAt.toISOString(),
  };
}

export function mediaJson(item: StoredMediaItem, url: MediaUrl) {
  return {
    ...mediaSummaryJson(item, url),
    failureReason: item.failureReason,
    renditions: item.renditions.map((r) => ({
      kind: r.kind,
      label: r.label,
      url: url(r.path),
      mime: r.mimeType,
      width: r.width,
      height: r.height,
      bytes: r.sizeBytes,
    })),
    captions: item.captions.map((c) => ({ language: c.language, label: c.label, url: url(c.path), bytes: c.sizeBytes })),
  };
}
