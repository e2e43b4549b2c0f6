import sharp from 'sharp';
import { checkImagePixels } from '../domain/media/renditions-plan.js';
import { invalid } from '../domain/shared/errors.js';
import { acceptedContainer, lockedInput, refusedContainer, type Container } from './ffmpeg/containers.js';
import { runTool, ToolError } from './ffmpeg/run-tool.js';

/** Video and audio carry their container, forced on ffmpeg (-f) for every later run. */
export type Probe =
  | {
      readonly kind: 'video';
      readonly width: number;
      readonly height: number;
      readonly durationMs: number;
      readonly hasAudio: boolean;
      readonly container: Container;
    }
  | { readonly kind: 'audio'; readonly durationMs: number; readonly container: Container }
  | { readonly kind: 'image'; readonly width: number; readonly height: number; readonly format: string };

/** Images are read by sharp, and only in these formats; video and audio by ffmpeg, in ACCEPTED_CONTAINERS. */
const IMAGE_FORMATS = new Set(['jpeg', 'png', 'webp', 'avif', 'heif', 'gif', 'tiff']);
const ACCEPTED = 'video and audio are taken in MP4/MOV, Matroska/WebM, MPEG-TS, AVI, WAV, MP3, Ogg, FLAC or AAC files, images in JPEG, PNG, WebP, AVIF, HEIF, GIF or TIFF';

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
  if (image) {
    // Read from the header alone: an image of too many pixels is never decoded.
    checkImagePixels(image.width, image.height);
    return image;
  }

  let output: FfprobeOutput;
  try {
    const json = await runTool('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', ...lockedInput(file)], options);
    output = JSON.parse(json) as FfprobeOutput;
  } catch (error) {
    // A missing ffprobe or a stopped job is not the file's fault.
    if (options.signal?.aborted || (error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
    // A playlist, a list of files or any container not accepted is refused before it is opened.
    if (error instanceof ToolError && refusedContainer(error.stderrTail) === 'indirection') throw unsupportedFormat();
    throw unreadable();
  }
  const container = acceptedContainer(output.format?.format_name);
  if (!container) throw unsupportedFormat();
  // ffprobe's confidence in the container: at most 50 means it went by the file's name or
  // guessed a raw stream in bytes that are not media. MPEG-TS, found by its sync bytes, scores 50.
  if ((output.format?.probe_score ?? 0) < (container === 'mpegts' ? 50 : 51)) {
    throw unreadable();
  }
  const streams = output.streams ?? [];
  const durationMs = Math.round(Number(output.format?.duration ?? 'NaN') * 1000);
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic && s.width && s.height);
  const hasAudio = streams.some((s) => s.codec_type === 'audio');
  if (!Number.isFinite(durationMs) || durationMs <= 0) {
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
      container,
    };
  }
  if (hasAudio) return { kind: 'audio', durationMs, container };
  throw invalid('MEDIA_TYPE_UNSUPPORTED', 'the file holds neither video nor audio', 'file');
}

async function probeImage(file: string): Promise<Extract<Probe, { kind: 'image' }> | null> {
  try {
    // The header only, whatever size it declares: probeMedia refuses too many pixels with the reason.
    const meta = await sharp(file, { failOn: 'none', limitInputPixels: false }).metadata();
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

function unsupportedFormat() {
  return invalid(
    'MEDIA_FORMAT_UNSUPPORTED',
    `not a supported format: playlists and lists of other files are refused; ${ACCEPTED}`,
    'file',
  );
}

function unreadable() {
  return invalid('MEDIA_UNREADABLE', `the file is not a video, audio or image file that can be read (corrupt, truncated or another kind of file); ${ACCEPTED}`, 'file');
}
