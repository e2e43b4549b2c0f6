import fs from 'node:fs';
import path from 'node:path';
import { invalid } from '../../../domain/shared/errors.js';
import type { Rendition } from '../../../domain/media/media.js';
import { imageWidths } from '../../../domain/media/renditions-plan.js';
import { resizeImage } from '../../../media/images/resize-image.js';
import type { Probe } from '../../../media/probe.js';
import { newKey, saveRenditions, type MediaWork } from './work.js';

const LABELS = { avif: 'AVIF', webp: 'WebP', jpeg: 'JPEG' } as const;

/** Every width in AVIF, WebP and JPEG, saved together so a page always gets a complete set. */
export async function makeImageRenditions(work: MediaWork, source: string, probe: Extract<Probe, { kind: 'image' }>): Promise<void> {
  if (work.item.renditions.some((r) => r.kind === 'image')) return;
  const dir = path.join(work.dir, 'images');
  fs.mkdirSync(dir, { recursive: true });
  let images: Awaited<ReturnType<typeof resizeImage>>;
  try {
    images = await resizeImage(source, dir, imageWidths(probe.width));
  } catch (error) {
    // The decoder read the header at intake but not the whole picture: no retry helps.
    throw invalid('MEDIA_CONVERSION_FAILED', `the image could not be converted: ${error instanceof Error ? error.message : String(error)}`);
  }
  const renditions: Rendition[] = [];
  for (const image of images) {
    const stored = await work.deps.media.storage.put(newKey(work, path.basename(image.file)), image.file);
    renditions.push({
      kind: 'image',
      mimeType: image.mimeType,
      path: stored.key,
      width: image.width,
      height: image.height,
      sizeBytes: stored.sizeBytes,
      label: `${LABELS[image.format]} ${image.width}w`,
    });
  }
  await saveRenditions(work, renditions);
}
