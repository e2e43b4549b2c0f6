import { formatDuration, formatPosition } from '../../domain/media/duration.js';
import { playableRenditions, posterOf, type MediaItem, type Rendition } from '../../domain/media/media.js';
import type { Translator } from '../../i18n/i18n.js';

export interface PlayerProps {
  readonly item: MediaItem;
  readonly i18n: Translator;
  readonly mediaBase: string;
  /** The lead media of a story: its title is the video's heading. */
  readonly lead?: boolean;
}

/**
 * A native <video>/<audio> player that works without JavaScript. Every state text stays in
 * the markup ("please wait", "No media source currently available"); data-state and the
 * hidden attribute decide which one shows, and the player script only moves between them.
 */
export function Player({ item, i18n, mediaBase, lead }: PlayerProps) {
  const t = i18n.t;
  const sources = playableRenditions(item);
  const poster = posterOf(item);
  const state = sources.length ? 'ready' : 'unavailable';
  const url = (r: Rendition) => `${mediaBase}${r.path}`;
  const Title = lead ? 'h2' : 'p';
  const creditKind = t(`media.credit.${item.kind}`);
  const download = sources[0];
  return (
    <figure class={`media media-${item.kind}${lead ? ' media-lead' : ''}`}>
      <div class="player" data-player data-state={state}>
        <Title class="player-title">{item.title}</Title>
        {sources.length && item.kind === 'video' ? (
          <video
            controls
            preload="none"
            playsInline
            poster={poster ? url(poster) : undefined}
            width={sources[0]?.width ?? undefined}
            height={sources[0]?.height ?? undefined}
            aria-label={item.title}
          >
            {sources.map((source) => (
              <source key={source.path} src={url(source)} type={source.mimeType} />
            ))}
          </video>
        ) : null}
        {sources.length && item.kind === 'audio' ? (
          <audio controls preload="none" aria-label={item.title}>
            {sources.map((source) => (
              <source key={source.path} src={url(source)} type={source.mimeType} />
            ))}
          </audio>
        ) : null}
        {/* A live region, so that a screen reader hears "please wait" and "no source" when the script shows them. */}
        <div class="player-states" role="status">
          <p class="player-status player-loading" data-player-loading hidden>
            {t('player.loading')}
          </p>
          <p class="player-status player-nosource" data-player-nosource hidden={state === 'ready'}>
            {t('player.noSource')}
          </p>
        </div>
        {item.durationMs !== null ? (
          <p class="player-time">
            <span class="visually-hidden">{t('player.timeLabel')} </span>
            <span data-player-position>{formatPosition(0)}</span>{' '}
            <span data-player-duration>{formatDuration(item.durationMs)}</span>{' '}
            <span data-player-remaining>{formatPosition(0)}</span>
          </p>
        ) : null}
        {download ? (
          <p class="direct-link">
            <a href={url(download)} download type={download.mimeType}>
              {t('player.directLink')}
            </a>{' '}
            <span class="direct-link-size">
              ({download.label}, {formatSize(download.sizeBytes, i18n.number)})
            </span>
          </p>
        ) : null}
      </div>
      {item.caption || item.credit ? (
        <figcaption>
          {item.caption}
          {item.caption && item.credit ? ' ' : null}
          {item.credit ? <span class="credit">{`(${creditKind}: ${item.credit})`}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

function formatSize(bytes: number, number: (n: number) => string): string {
  if (bytes >= 1024 * 1024) return `${number(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
  return `${number(Math.max(1, Math.round(bytes / 1024)))} KB`;
}
