import sharp from 'sharp';
import { invalid } from '../domain/shared/errors.js';
import { runTool } from './ffmpeg/run-tool.js';

export type Probe =
  | { readonly kind: 'video'; readonly width: number; readonly height: number; readonly durationMs: number; readonly hasAudio: boolean }
  | { readonly kind: 'audio'; readonly durationMs: number }
  | { readonly kind: 'image'; readonly width: number; readonly height: number; readonly format: string };

const IMAGE_FORMATS = new Set(['jpeg', 'png', 'webp', 'avif', 'heif', 'gif', 'tiff']);

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  disposition?: { attached_pic?: number };
  side_data_list?: { rotation?: number }[];
  tags?: { rotate?: string };
}
interface FfprobeOutput {
  format?: { format_name?: string; duration?: string; probe_score?: number };
  streams?: FfprobeStream[];
}

/**
 * What a file really is, decided by its content and never by its name: an image if an image
 * decoder reads it, otherwise what ffprobe finds in it. Errors are DomainErrors with a code:
 * MEDIA_UNREADABLE (corrupt, truncated, not media at all), MEDIA_TYPE_UNSUPPORTED.
 */
export async function probeMedia(file: string, options: { signal?: AbortSignal } = {}): Promise<Probe> {
  const image = await probeImage(file);
  if (image) return image;

  let output: FfprobeOutput;
  try {
    const json = await runTool(
      'ffprobe',
      ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '--', file],
      options,
    );
    output = JSON.parse(json) as FfprobeOutput;
  } catch (error) {
    // A missing ffprobe or a stopped job is not the file's fault.
    if (options.signal?.aborted || (error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
    throw unreadable();
  }
  // ffprobe's confidence in the container: at most 50 means it went by the file's name or
  // guessed a raw stream in bytes that are not media (text passes as raw AMR audio at 26).
  if ((output.format?.probe_score ?? 0) <= 50) {
    throw unreadable();
  }
  const streams = output.streams ?? [];
  const durationMs = Math.round(Number(output.format?.duration ?? 'NaN') * 1000);
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic && s.width && s.height);
  const hasAudio = streams.some((s) => s.codec_type === 'audio');
  const stillImage = /(^|,)(image2|[a-z0-9]+_pipe)(,|$)/.test(output.format?.format_name ?? '');
  if (!Number.isFinite(durationMs) || durationMs <= 0 || stillImage) {
    if (video || hasAudio) throw invalid('MEDIA_TYPE_UNSUPPORTED', 'the file has no duration: it is not a video or audio recording', 'file');
    throw invalid('MEDIA_UNREADABLE', 'the file is not a video, audio or image file that can be read', 'file');
  }
  if (video?.width && video.height) {
    const rotation = Math.abs(Number(video.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? video.tags?.rotate ?? 0));
    const sideways = rotation % 180 === 90;
    return {
      kind: 'video',
      width: sideways ? video.height : video.width,
      height: sideways ? video.width : video.height,
      durationMs,
      hasAudio,
    };
  }
  if (hasAudio) return { kind: 'audio', durationMs };
  throw invalid('MEDIA_TYPE_UNSUPPORTED', 'the file holds neither video nor audio', 'file');
}

async function probeImage(file: string): Promise<Probe | null> {
  try {
    const meta = await sharp(file, { failOn: 'none' }).metadata();
    if (!meta.format || !IMAGE_FORMATS.has(meta.format) || !meta.width || !meta.height) return null;
    // EXIF orientations 5-8 are stored sideways and shown upright.
    const sideways = (meta.orientation ?? 1) >= 5;
    return {
      kind: 'image',
      width: sideways ? meta.height : meta.width,
      height: sideways ? meta.width : meta.height,
      format: meta.format,
    };
  } catch {
    return null;
  }
}

function unreadable() {
  return invalid('MEDIA_UNREADABLE', 'the file is not a video, audio or image file that can be read (corrupt, truncated or another kind of file)', 'file');
}
