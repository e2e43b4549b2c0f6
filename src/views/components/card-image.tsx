import type { MediaItem, Rendition } from '../../domain/media/media.js';
import type { MastheadModel } from '../page-model.js';
import { focalClasses } from '../../domain/media/focal-point.js';

const MODERN = ['image/avif', 'image/webp'] as const;

/**
 * A story's picture on a list: its lead image's renditions (AVIF, WebP, JPEG srcsets), or a
 * video's poster frame; always with width and height, so nothing shifts as it loads. Decorative
 * (alt=""): the headline next to it says what the story is.
 */
export function CardImage({ item, masthead, sizes, eager = false }: { item: MediaItem | undefined; masthead: MastheadModel; sizes: string; eager?: boolean }) {
  if (!item || item.state !== 'ready') return null;
  const url = (r: Rendition) => `${masthead.mediaBase}${r.path}`;
  const srcset = (set: readonly Rendition[]) => set.map((r) => `${url(r)} ${r.width}w`).join(', ');
  const loading = eager ? undefined : ('lazy' as const);
  if (item.kind === 'image') {
    const images = item.renditions.filter((r) => r.kind === 'image' && r.width).sort((a, b) => (a.width ?? 0) - (b.width ?? 0));
    const fallback = images.filter((r) => !MODERN.some((type) => type === r.mimeType));
    const first = fallback[0];
    if (!first) return null;
    return (
      <picture class="card-image">
        {MODERN.map((type) => {
          const set = images.filter((r) => r.mimeType === type);
          return set.length ? <source key={type} type={type} srcset={srcset(set)} sizes={sizes} /> : null;
        })}
        <img
          src={url(first)}
          srcset={srcset(fallback)}
          sizes={sizes}
          width={first.width ?? undefined}
          height={first.height ?? undefined}
          alt=""
          loading={loading}
          decoding="async"
          class={focalClasses(item.focalPoint)}
        />
      </picture>
    );
  }
  const poster = item.renditions.find((r) => r.kind === 'poster');
  if (!poster || !poster.width || !poster.height) return null;
  return (
    <span class="card-image card-video">
      <img src={url(poster)} width={poster.width} height={poster.height} alt="" loading={loading} decoding="async" />
    </span>
  );
}
