import { formatClock, isoDuration } from '../../domain/media/duration.js';
import { playableRenditions, playerSources, posterOf, type MediaItem, type Rendition } from '../../domain/media/media.js';
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
 * the markup ("please wait", "No media source currently available"); the hidden attribute
 * decides which one shows, and the player script only moves between them. The states are not
 * a live region: the script announces a state once, through its own status element, when the
 * reader asked to play and it became true. The big play button and the running time
 * ("0:12 / 1:24") are the script's; without it the native controls and the duration remain.
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
  const duration = item.durationMs !== null ? formatClock(item.durationMs) : null;
  const largest = sources.reduce<Rendition | undefined>((best, r) => ((r.width ?? 0) > (best?.width ?? 0) ? r : best), undefined);
  return (
    <figure class={`media media-${item.kind}${lead ? ' media-lead' : ''}`}>
      <div class="player" data-player data-state={state} data-hls-script={hls && hlsScript ? hlsScript : undefined}>
        <Title class="player-title">{item.title}</Title>
        {sources.length && item.kind === 'video' ? (
          <div class="player-stage">
            <video
              controls
              preload="none"
              playsInline
              poster={poster ? url(poster) : undefined}
              width={largest?.width ?? undefined}
              height={largest?.height ?? undefined}
              aria-label={item.title}
              aria-keyshortcuts="Space k ArrowLeft ArrowRight m"
              data-hls={hls ? url(hls) : undefined}
            >
              {playerSources(item).map(({ rendition, media }) => (
                <source key={rendition.path} src={url(rendition)} type={rendition.mimeType} media={media ?? undefined} />
              ))}
              {item.captions.map((caption) => (
                <track key={caption.path} kind="captions" src={`${mediaBase}${caption.path}`} srcLang={caption.language} label={caption.label} />
              ))}
            </video>
            <button type="button" class="player-play" data-player-play hidden>
              <span class="player-play-icon" aria-hidden="true"></span>
              <span class="visually-hidden">{`${t('player.play')}: ${item.title}`}</span>
              {duration ? <span class="player-play-duration">{duration}</span> : null}
            </button>
          </div>
        ) : null}
        {sources.length && item.kind === 'audio' ? (
          <audio controls preload="none" aria-label={item.title} aria-keyshortcuts="Space k ArrowLeft ArrowRight m">
            {sources.map((source) => (
              <source key={source.path} src={url(source)} type={source.mimeType} />
            ))}
          </audio>
        ) : null}
        <p class="player-status player-loading" data-player-loading hidden>
          {t('player.loading')}
        </p>
        <p class="player-status player-nosource" data-player-nosource hidden={state === 'ready'}>
          {t('player.noSource')}
        </p>
        <p class="visually-hidden" role="status" data-player-announce></p>
        {duration && item.durationMs !== null ? (
          <p class="player-time">
            <span class="visually-hidden">{t('player.duration')}: </span>
            <span data-player-position hidden></span>
            <time data-player-duration dateTime={isoDuration(item.durationMs)}>
              {duration}
            </time>
          </p>
        ) : null}
        {sources.length ? (
          <details class="direct-link">
            <summary id={listId}>{t('player.directLink')}</summary>
            <ul aria-labelledby={listId}>
              {sources.map((source) => (
                <li key={source.path}>
                  <a href={url(source)} download type={source.mimeType}>
                    {source.label} · {formatSize(source.sizeBytes, i18n.number)}
                  </a>
                </li>
              ))}
            </ul>
          </details>
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
