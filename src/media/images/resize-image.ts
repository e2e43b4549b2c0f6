import path from 'node:path';
import sharp from 'sharp';
import { MAX_IMAGE_PIXELS } from '../../domain/media/renditions-plan.js';

export interface ResizedImage {
  readonly file: string;
  readonly format: 'avif' | 'webp' | 'jpeg';
  readonly mimeType: string;
  readonly width: number;
  readonly height: number;
  readonly sizeBytes: number;
}

const FORMATS = [
  { format: 'avif', mimeType: 'image/avif', ext: 'avif' },
  { format: 'webp', mimeType: 'image/webp', ext: 'webp' },
  { format: 'jpeg', mimeType: 'image/jpeg', ext: 'jpg' },
] as const;

/**
 * AVIF, WebP and JPEG at each width (never wider than the original), upright (EXIF
 * orientation applied) and without the original's metadata: no camera, no GPS position.
 */
export async function resizeImage(input: string, outDir: string, widths: readonly number[]): Promise<ResizedImage[]> {
  const results: ResizedImage[] = [];
  for (const width of widths) {
    for (const { format, mimeType, ext } of FORMATS) {
      const file = path.join(outDir, `${width}w.${ext}`);
      // The decoder refuses more pixels than intake allows, whatever the header said then.
      const pipeline = sharp(input, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS }).rotate().resize({ width, withoutEnlargement: true });
      const encoded =
        format === 'avif'
          ? pipeline.avif({ quality: 50, effort: 2 })
          : format === 'webp'
            ? pipeline.webp({ quality: 75 })
            : pipeline.jpeg({ quality: 80, mozjpeg: true, progressive: true });
      const info = await encoded.toFile(file);
      results.push({ file, format, mimeType, width: info.width, height: info.height, sizeBytes: info.size });
    }
  }
  return results;
}
