/**
 * Enhances the native players: shows "please wait" while media loads, keeps the time display
 * (position, duration, remaining) in step, and shows the no-source state when playback fails.
 * Without this script the native controls still play everything.
 */
function clock(seconds: number, withHours: boolean): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return withHours ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${h * 60 + m}:${s}`;
}

function enhance(player: HTMLElement): void {
  const media = player.querySelector<HTMLMediaElement>('video, audio');
  if (!media) return;
  const loading = player.querySelector<HTMLElement>('[data-player-loading]');
  const noSource = player.querySelector<HTMLElement>('[data-player-nosource]');
  const position = player.querySelector<HTMLElement>('[data-player-position]');
  const duration = player.querySelector<HTMLElement>('[data-player-duration]');
  const remaining = player.querySelector<HTMLElement>('[data-player-remaining]');
  const setState = (state: string) => {
    player.dataset.state = state;
    if (loading) loading.hidden = state !== 'loading';
    if (noSource) noSource.hidden = state !== 'unavailable';
  };
  const tick = () => {
    if (!Number.isFinite(media.duration)) return;
    if (position) position.textContent = clock(media.currentTime, false);
    if (duration) duration.textContent = clock(media.duration, true);
    if (remaining) remaining.textContent = clock(media.duration - media.currentTime, false);
  };
  media.addEventListener('loadstart', () => setState('loading'));
  media.addEventListener('waiting', () => setState('loading'));
  media.addEventListener('canplay', () => setState('ready'));
  media.addEventListener('playing', () => setState('ready'));
  media.addEventListener('loadedmetadata', tick);
  media.addEventListener('timeupdate', tick);
  const sources = media.querySelectorAll('source');
  const last = sources[sources.length - 1];
  (last ?? media).addEventListener('error', () => setState('unavailable'));
}

document.querySelectorAll<HTMLElement>('[data-player]').forEach(enhance);
