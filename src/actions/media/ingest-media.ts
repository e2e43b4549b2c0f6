import fs from 'node:fs';
import type { MediaItem } from '../../domain/media/media.js';
import { invalid } from '../../domain/shared/errors.js';
import { parseMediaText } from '../../domain/media/media-text.js';
import { largestSizeLimit, mediaTooLarge } from '../../domain/media/renditions-plan.js';
import { probeMedia } from '../../media/probe.js';
import { newMediaFolder } from '../../media/storage/media-key.js';
import type { MediaDeps } from './media-deps.js';
import { PROCESS_MEDIA_JOB, type ProcessMediaPayload } from './process-media.js';

/**
 * Takes in a file already on disk (an upload that finished, a CLI import): decides what it
 * is by its content, checks its size for that kind, keeps a private copy of the original,
 * and records a "processing" media item with a job that makes its renditions. The caller's
 * file is left as it was. Permission is the caller's to check (the newsroom upload route).
 */
export async function ingestMedia(
  deps: MediaDeps,
  input: { file: string; title: unknown; caption?: unknown; credit?: unknown; altText?: unknown },
): Promise<MediaItem> {
  const fields = parseMediaText(input);
  const size = await sizeOf(input.file);
  const { limits } = deps.media;
  if (size > largestSizeLimit(limits)) throw mediaTooLarge(largestSizeLimit(limits));
  const probe = await probeMedia(input.file);
  if (size > limits[probe.kind]) throw mediaTooLarge(limits[probe.kind], probe.kind);

  const now = deps.clock.now();
  const folder = newMediaFolder(now);
  const source = `${folder}/original`;
  await deps.media.originals.put(source, input.file);
  try {
    return await deps.store.transaction(async (repos, emit) => {
      const item = await repos.media.insert(
        {
          kind: probe.kind,
          ...fields,
          durationMs: probe.kind === 'image' ? null : probe.durationMs,
          state: 'processing',
          failureReason: null,
          renditions: [],
        },
        now,
      );
      const payload: ProcessMediaPayload = { mediaId: item.id, source, folder };
      await repos.jobs.enqueue({ type: PROCESS_MEDIA_JOB, payload }, now);
      emit({ type: 'media.changed', mediaId: item.id });
      return item;
    });
  } catch (error) {
    await deps.media.originals.delete(source);
    throw error;
  }
}

async function sizeOf(file: string): Promise<number> {
  try {
    const stats = await fs.promises.stat(file);
    if (stats.isFile()) return stats.size;
  } catch {
    // reported below
  }
  throw invalid('MEDIA_FILE_MISSING', 'there is no file to take in at that path', 'file');
}
