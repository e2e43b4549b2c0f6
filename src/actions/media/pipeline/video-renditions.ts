import fs from 'node:fs';
import path from 'node:path';
import type { Rendition } from '../../../domain/media/media.js';
import { invalid } from '../../../domain/shared/errors.js';
import { posterTimeMs, scaledWidth, videoHeights } from '../../../domain/media/renditions-plan.js';
import { encodeMp4, extractPoster, packageHls, type HlsVariant } from '../../../media/ffmpeg/video.js';
import { probeMedia, type Probe } from '../../../media/probe.js';
import { existing, fetchStored, newKey, saveRenditions, type MediaWork } from './work.js';

/** Poster, MP4 at each height of the ladder (the first makes the item ready), then HLS from the MP4s. */
export async function makeVideoRenditions(work: MediaWork, source: string, probe: Extract<Probe, { kind: 'video' }>): Promise<void> {
  const heights = videoHeights(probe.height);
  const top = heights[heights.length - 1] ?? probe.height;
  const { storage } = work.deps.media;
  const input = { file: source, container: probe.container };

  if (!existing(work, 'Poster')) {
    const file = path.join(work.dir, 'poster.jpg');
    await extractPoster(input, file, posterTimeMs(probe.durationMs), top, work.signal);
    if (!fs.existsSync(file) || fs.statSync(file).size === 0) {
      throw invalid('MEDIA_CONVERSION_FAILED', 'the file could not be converted: no frame of the video could be read');
    }
    const size = await sizeOfImage(file);
    const stored = await storage.put(newKey(work, 'poster.jpg'), file);
    await saveRenditions(work, [
      { kind: 'poster', mimeType: 'image/jpeg', path: stored.key, ...size, sizeBytes: stored.sizeBytes, label: 'Poster' },
    ]);
  }

  const variants: HlsVariant[] = [];
  for (const height of heights) {
    const label = `MP4 ${height}p`;
    const file = path.join(work.dir, `${height}p.mp4`);
    const made = existing(work, label);
    if (made) {
      await fetchStored(work, made.path, file);
    } else {
      await encodeMp4(input, file, height, work.signal);
    }
    const out = { width: scaledWidth(probe.width, probe.height, height), height };
    variants.push({ file, ...out, durationMs: probe.durationMs });
    if (!made) {
      const stored = await storage.put(newKey(work, `${height}p.mp4`), file);
      const rendition: Rendition = {
        kind: 'mp4',
        mimeType: 'video/mp4',
        path: stored.key,
        width: out.width,
        height: out.height,
        sizeBytes: stored.sizeBytes,
        label,
      };
      await saveRenditions(work, [rendition]);
    }
  }

  if (!existing(work, 'HLS')) {
    const dir = path.join(work.dir, 'hls');
    await packageHls(variants, dir, work.signal);
    // All HLS files share one folder, so the playlists' relative names resolve; it is stored
    // at once, so the master playlist is never reachable before the playlists it lists.
    const folder = newKey(work, 'hls');
    const { sizeBytes: total } = await storage.putFolder(folder, dir);
    const largest = variants[variants.length - 1];
    await saveRenditions(work, [
      {
        kind: 'hls',
        mimeType: 'application/vnd.apple.mpegurl',
        path: `${folder}/master.m3u8`,
        width: largest?.width ?? null,
        height: largest?.height ?? null,
        sizeBytes: total,
        label: 'HLS',
      },
    ]);
  }
}

async function sizeOfImage(file: string): Promise<{ width: number | null; height: number | null }> {
  const probe = await probeMedia(file);
  return probe.kind === 'image' ? { width: probe.width, height: probe.height } : { width: null, height: null };
}

