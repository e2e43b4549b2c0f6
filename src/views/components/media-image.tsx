import type { MediaItem, Rendition } from '../../domain/media/media.js';
import type { MastheadModel } from '../page-model.js';
import { focalClasses } from '../../domain/media/focal-point.js';

const SIZES = '(min-width: 48rem) 46rem, 100vw';
const MODERN = ['image/avif', 'image/webp'] as const;

/**
 * An image as <picture>: AVIF and WebP sources for browsers that take them, a JPEG <img>
 * for the rest, every width in each srcset so the browser picks what the screen needs.
 */
export function MediaImage({ item, masthead, caption: captionOverride }: { item: MediaItem; masthead: MastheadModel; caption?: string | undefined }) {
  if (item.state !== 'ready') return null;
  const images = item.renditions.filter((r) => r.kind === 'image' && r.width).sort((a, b) => (a.width ?? 0) - (b.width ?? 0));
  const fallback = images.filter((r) => !MODERN.some((type) => type === r.mimeType));
  const smallest = fallback[0];
  if (!smallest) return null;
  const srcset = (set: readonly Rendition[]) => set.map((r) => `${masthead.mediaBase}${r.path} ${r.width}w`).join(', ');
  const t = masthead.i18n.t;
  const caption = captionOverride ?? item.caption;
  return (
    <figure class="media media-image">
      <picture>
        {MODERN.map((type) => {
          const set = images.filter((r) => r.mimeType === type);
          return set.length ? <source key={type} type={type} srcset={srcset(set)} sizes={SIZES} /> : null;
        })}
        <img
          src={`${masthead.mediaBase}${smallest.path}`}
          srcset={srcset(fallback)}
          sizes={SIZES}
          width={smallest.width ?? undefined}
          height={smallest.height ?? undefined}
          alt={item.altText ?? ''}
          class={focalClasses(item.focalPoint)}
          loading="lazy"
          decoding="async"
        />
      </picture>
      {caption || item.credit ? (
        <figcaption>
          {caption}
          {caption && item.credit ? ' ' : null}
          {item.credit ? <span class="credit">{`(${t('media.credit.image')}: ${item.credit})`}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
