import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { invalid } from '../../domain/shared/errors.js';
import { ToolError } from '../../media/ffmpeg/run-tool.js';
import { makeScratchDir } from '../../media/process/scratch.js';
import { probeMedia } from '../../media/probe.js';
import { isMediaKey } from '../../media/storage/media-key.js';
import type { MediaDeps } from './media-deps.js';
import { makeAudioRenditions } from './pipeline/audio-renditions.js';
import { makeImageRenditions } from './pipeline/image-renditions.js';
import { makeVideoRenditions } from './pipeline/video-renditions.js';
import type { MediaWork } from './pipeline/work.js';

export const PROCESS_MEDIA_JOB = 'media.process';

export interface ProcessMediaPayload {
  readonly mediaId: number;
  /** Key of the original in the originals storage. */
  readonly source: string;
  /** The item's folder in the media storage. */
  readonly folder: string;
}

export function parseProcessMediaPayload(payload: unknown): ProcessMediaPayload {
  const p = payload as Partial<ProcessMediaPayload> | null;
  if (
    !p ||
    typeof p !== 'object' ||
    !Number.isInteger(p.mediaId) ||
    typeof p.source !== 'string' ||
    !isMediaKey(p.source) ||
    typeof p.folder !== 'string' ||
    !isMediaKey(p.folder)
  ) {
    throw invalid('JOB_PAYLOAD_INVALID', 'a media job needs mediaId, source and folder');
  }
  return { mediaId: p.mediaId as number, source: p.source, folder: p.folder };
}

/**
 * The media job: makes the renditions of one item from its original. Safe to run again after
 * a crash: what an earlier run finished is kept and skipped. Its scratch folder is removed
 * whatever happens (if its process is killed, at the next start: removeAbandonedScratch).
 * A file ffmpeg cannot convert is an `invalid` error (no retry helps).
 */
export async function processMedia(deps: MediaDeps, payload: ProcessMediaPayload, signal?: AbortSignal): Promise<void> {
  const item = await deps.store.read.media.findById(payload.mediaId);
  if (!item || item.state === 'none' || item.state === 'failed') return;
  const dir = await makeScratchDir(deps.media.tempDir);
  try {
    const source = path.join(dir, 'original');
    await pipeline(await deps.media.originals.open(payload.source), fs.createWriteStream(source));
    const probe = await probeMedia(source, signal ? { signal } : {});
    if (probe.kind !== item.kind) {
      throw invalid('MEDIA_KIND_CHANGED', `the original is now read as ${probe.kind}, not ${item.kind}`);
    }
    const work: MediaWork = { deps, item, folder: payload.folder, dir, signal };
    if (probe.kind === 'video') await makeVideoRenditions(work, source, probe);
    else if (probe.kind === 'audio') await makeAudioRenditions(work, { file: source, container: probe.container });
    else await makeImageRenditions(work, source, probe);
  } catch (error) {
    if (error instanceof ToolError && !error.transient) {
      throw invalid('MEDIA_CONVERSION_FAILED', `the file could not be converted: ${error.stderrTail || error.message}`);
    }
    throw error;
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
