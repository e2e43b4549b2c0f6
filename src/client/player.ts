/**
 * Enhances the native players: a large play button on the poster (with the duration), the running
 * time ("0:12 / 1:24") once playback starts, "please wait" only while media the reader asked for
 * is loading, the no-source state when playback fails, each announced once through the player's
 * status element; keys on the focused player (k plays and pauses as Space does natively, arrows
 * seek 5 s, m mutes); and where the browser cannot play the MP4s but has Media Source Extensions,
 * the HLS rendition through hls.js, loaded only then. Without this script the native controls still play everything.
 */
const SEEK_SECONDS = 5;
/** The delay before "please wait" shows: a quick start needs no message. */
const LOADING_DELAY_MS = 600;

function clock(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

function enhance(player: HTMLElement): void {
  const media = player.querySelector<HTMLMediaElement>('video, audio');
  if (!media) return;
  const loading = player.querySelector<HTMLElement>('[data-player-loading]');
  const noSource = player.querySelector<HTMLElement>('[data-player-nosource]');
  const announce = player.querySelector<HTMLElement>('[data-player-announce]');
  const position = player.querySelector<HTMLElement>('[data-player-position]');
  const duration = player.querySelector<HTMLElement>('[data-player-duration]');
  const play = player.querySelector<HTMLButtonElement>('[data-player-play]');
  const announced = new Set<string>();
  let wanted = false;
  let loadingTimer: ReturnType<typeof setTimeout> | undefined;
  const setState = (state: 'ready' | 'loading' | 'unavailable') => {
    clearTimeout(loadingTimer);
    player.dataset.state = state;
    if (noSource) noSource.hidden = state !== 'unavailable';
    if (state !== 'loading' && loading) loading.hidden = true;
    const shown = state === 'unavailable' ? noSource : null;
    if (shown && announce && !announced.has(state)) {
      announced.add(state);
      announce.textContent = shown.textContent;
    }
    if (state === 'loading') {
      loadingTimer = setTimeout(() => {
        if (loading) loading.hidden = false;
        if (loading && announce && !announced.has('loading')) {
          announced.add('loading');
          announce.textContent = loading.textContent;
        }
      }, LOADING_DELAY_MS);
    }
  };
  const tick = () => {
    if (!Number.isFinite(media.duration)) return;
    if (duration) duration.textContent = clock(media.duration);
    if (position && (wanted || media.currentTime > 0)) {
      position.hidden = false;
      position.textContent = `${clock(media.currentTime)} / `;
    }
  };
  if (play) {
    play.hidden = false;
    play.addEventListener('click', () => {
      void media.play().catch(() => undefined);
      media.focus();
    });
  }
  media.addEventListener('play', () => {
    wanted = true;
    if (play) play.hidden = true;
    if (media.readyState < HTMLMediaElement.HAVE_FUTURE_DATA) setState('loading');
  });
  media.addEventListener('waiting', () => {
    if (wanted) setState('loading');
  });
  media.addEventListener('canplay', () => {
    if (player.dataset.state === 'loading') setState('ready');
  });
  media.addEventListener('playing', () => setState('ready'));
  media.addEventListener('loadedmetadata', tick);
  media.addEventListener('timeupdate', tick);
  const sources = media.querySelectorAll('source');
  const last = sources[sources.length - 1];
  (last ?? media).addEventListener('error', () => {
    if (play) play.hidden = true;
    setState('unavailable');
  });
  media.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const handled = controlByKey(media, event.key);
    if (handled) event.preventDefault();
  });

  const hls = media.dataset.hls;
  const hlsScript = player.dataset.hlsScript;
  if (hls && hlsScript && needsHls(media, sources)) void playThroughHls(media, hls, hlsScript, () => setState('unavailable'));
}

/** Space is left to the native controls, which play and pause on it already (a second toggle would undo theirs). */
function controlByKey(media: HTMLMediaElement, key: string): boolean {
  switch (key) {
    case 'k':
    case 'K':
      if (media.paused) void media.play().catch(() => undefined);
      else media.pause();
      return true;
    case 'ArrowLeft':
      media.currentTime = Math.max(0, media.currentTime - SEEK_SECONDS);
      return true;
    case 'ArrowRight':
      media.currentTime = Number.isFinite(media.duration) ? Math.min(media.duration, media.currentTime + SEEK_SECONDS) : media.currentTime + SEEK_SECONDS;
      return true;
    case 'm':
    case 'M':
      media.muted = !media.muted;
      return true;
    default:
      return false;
  }
}

/** hls.js only where it is needed: no MP4 source the browser can play, and Media Source Extensions to play HLS with. */
function needsHls(media: HTMLMediaElement, sources: NodeListOf<HTMLSourceElement>): boolean {
  const playable = [...sources].some((source) => media.canPlayType(source.type) !== '');
  return !playable && typeof window.MediaSource !== 'undefined';
}

interface HlsModule {
  default: {
    isSupported(): boolean;
    new (config: object): { loadSource(url: string): void; attachMedia(media: HTMLMediaElement): void; on(event: string, listener: (event: string, data: { fatal?: boolean }) => void): void };
    Events: { ERROR: string };
  };
}

async function playThroughHls(media: HTMLMediaElement, playlist: string, script: string, fail: () => void): Promise<void> {
  try {
    const { default: Hls } = (await import(/* webpackIgnore: true */ script)) as HlsModule;
    if (!Hls.isSupported()) return fail();
    media.querySelectorAll('source').forEach((source) => source.remove());
    // No worker: the Content-Security-Policy allows no blob: scripts.
    const hls = new Hls({ enableWorker: false });
    hls.on(Hls.Events.ERROR, (_event, data) => {
      if (data.fatal) fail();
    });
    hls.loadSource(playlist);
    hls.attachMedia(media);
  } catch {
    fail();
  }
}

document.querySelectorAll<HTMLElement>('[data-player]').forEach(enhance);
