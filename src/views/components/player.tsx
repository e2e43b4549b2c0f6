import { formatDuration, formatPosition } from '../../domain/media/duration.js';
import { playableRenditions, posterOf, type MediaItem, type Rendition } from '../../domain/media/media.js';
import type { Translator } from '../../i18n/i18n.js';

export interface PlayerProps {
  readonly item: MediaItem;
  readonly i18n: Translator;
  readonly mediaBase: string;
  /** The lead media of a story: its title is the video's heading. */
  readonly lead?: boolean;
  /** hls.js, for the player script to load where the browser cannot play the MP4s. */
  readonly hlsScript?: string | null | undefined;
}

/**
 * A native <video>/<audio> player that works without JavaScript. Every state text stays in
 * the markup ("please wait", "No media source currently available"); data-state and the
 * hidden attribute decide which one shows, and the player script only moves between them.
 */
export function Player({ item, i18n, mediaBase, lead, hlsScript }: PlayerProps) {
  const t = i18n.t;
  const sources = playableRenditions(item);
  const poster = posterOf(item);
  const state = sources.length ? 'ready' : 'unavailable';
  const url = (r: Rendition) => `${mediaBase}${r.path}`;
  const Title = lead ? 'h2' : 'p';
  const creditKind = t(`media.credit.${item.kind}`);
  const hls = item.state === 'ready' ? item.renditions.find((r) => r.kind === 'hls') : undefined;
  const listId = `direct-link-${item.id}${lead ? '-lead' : ''}`;
  return (
    <figure class={`media media-${item.kind}${lead ? ' media-lead' : ''}`}>
      <div class="player" data-player data-state={state} data-hls-script={hls && hlsScript ? hlsScript : undefined}>
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
            aria-keyshortcuts="Space k ArrowLeft ArrowRight m"
            data-hls={hls ? url(hls) : undefined}
          >
            {sources.map((source) => (
              <source key={source.path} src={url(source)} type={source.mimeType} />
            ))}
            {item.captions.map((caption) => (
              <track key={caption.path} kind="captions" src={`${mediaBase}${caption.path}`} srcLang={caption.language} label={caption.label} />
            ))}
          </video>
        ) : null}
        {sources.length && item.kind === 'audio' ? (
          <audio controls preload="none" aria-label={item.title} aria-keyshortcuts="Space k ArrowLeft ArrowRight m">
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
        {sources.length ? (
          <div class="direct-link">
            <p id={listId}>{t('player.directLink')}</p>
            <ul aria-labelledby={listId}>
              {sources.map((source) => (
                <li key={source.path}>
                  <a href={url(source)} download type={source.mimeType}>
                    {source.label} · {formatSize(source.sizeBytes, i18n.number)}
                  </a>
                </li>
              ))}
            </ul>
          </div>
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
