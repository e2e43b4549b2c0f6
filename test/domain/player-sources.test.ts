import { describe, expect, it } from 'vitest';
import { playerSources, type MediaItem, type Rendition } from '../../src/domain/media/media.js';

const rendition = (kind: Rendition['kind'], width: number | null, path: string, mimeType = 'video/mp4'): Rendition => ({
  kind,
  mimeType,
  path,
  width,
  height: width ? Math.round((width * 9) / 16) : null,
  sizeBytes: (width ?? 1) * 1000,
  label: path,
});
const video = (renditions: Rendition[], kind: MediaItem['kind'] = 'video'): MediaItem => ({
  id: 1,
  kind,
  title: 'Clip',
  caption: null,
  credit: null,
  altText: null,
  durationMs: 1000,
  state: 'ready',
  failureReason: null,
  renditions,
  captions: [],
});

describe('the player offers the rendition that fits the screen first', () => {
  it('puts HLS first, then MP4 files from the largest down, each for screens wide enough, the smallest for every screen', () => {
    const sources = playerSources(
      video([
        rendition('mp4', 426, '240.mp4'),
        rendition('poster', 1280, 'poster.jpg', 'image/jpeg'),
        rendition('mp4', 1280, '720.mp4'),
        rendition('hls', null, 'master.m3u8', 'application/vnd.apple.mpegurl'),
        rendition('mp4', 854, '480.mp4'),
      ]),
    );
    expect(sources.map((s) => [s.rendition.path, s.media])).toEqual([
      ['master.m3u8', null],
      ['720.mp4', '(min-width: 960px)'],
      ['480.mp4', '(min-width: 641px)'],
      ['240.mp4', null],
    ]);
  });

  it('offers a single file to every screen, and audio as it is', () => {
    expect(playerSources(video([rendition('mp4', 640, 'only.mp4')]))).toEqual([{ rendition: expect.objectContaining({ path: 'only.mp4' }), media: null }]);
    const audio = playerSources(video([rendition('audio', null, 'a.m4a', 'audio/mp4')], 'audio'));
    expect(audio.map((s) => s.media)).toEqual([null]);
  });
});
