import type { MediaItem } from '../../domain/media/media.js';
import type { Chrome } from '../page-model.js';

/** An image with every width in srcset; the browser picks what the screen needs. */
export function MediaImage({ item, chrome }: { item: MediaItem; chrome: Chrome }) {
  const images = item.renditions.filter((r) => r.kind === 'image' && r.width);
  const smallest = images.reduce<(typeof images)[number] | undefined>(
    (best, r) => (!best || (r.width ?? 0) < (best.width ?? 0) ? r : best),
    undefined,
  );
  if (!smallest || item.state !== 'ready') return null;
  const t = chrome.i18n.t;
  return (
    <figure class="media media-image">
      <img
        src={`${chrome.mediaBase}${smallest.path}`}
        srcset={images.map((r) => `${chrome.mediaBase}${r.path} ${r.width}w`).join(', ')}
        sizes="(min-width: 48rem) 46rem, 100vw"
        width={smallest.width ?? undefined}
        height={smallest.height ?? undefined}
        alt={item.altText ?? ''}
        loading="lazy"
        decoding="async"
      />
      {item.caption || item.credit ? (
        <figcaption>
          {item.caption}
          {item.caption && item.credit ? ' ' : null}
          {item.credit ? <span class="credit">{`(${t('media.credit.image')}: ${item.credit})`}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
