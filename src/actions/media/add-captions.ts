import fs from 'node:fs';
import path from 'node:path';
import type { StoredMediaItem } from '../../domain/media/media.js';
import { parseCaptions } from '../../domain/media/webvtt.js';
import { requirePermission } from '../../domain/user/permissions.js';
import { actorUserId, type Actor } from '../../domain/user/user.js';
import { newMediaFolder } from '../../media/storage/media-key.js';
import type { MediaDeps } from './media-deps.js';
import { requireMedia } from './media-library.js';

/**
 * Adds the WebVTT captions of one language to a media item, or replaces them: checked, stored
 * under a new key (served files never change in place), the replaced file removed.
 */
export async function addCaptions(
  deps: MediaDeps,
  actor: Actor,
  mediaId: number,
  input: { language: unknown; label: unknown; bytes: Uint8Array },
): Promise<StoredMediaItem> {
  requirePermission(actor, 'media.edit');
  const captions = parseCaptions(input);
  await requireMedia(deps, mediaId);
  const now = deps.clock.now();
  const key = `${newMediaFolder(now)}/captions.${captions.language}.vtt`;
  const dir = await fs.promises.mkdtemp(path.join(deps.media.tempDir, 'dateline-captions-'));
  let stored = false;
  try {
    const file = path.join(dir, 'captions.vtt');
    await fs.promises.writeFile(file, captions.text);
    const { sizeBytes } = await deps.media.storage.put(key, file);
    stored = true;
    const replaced = await deps.store.transaction(async (repos, emit) => {
      const old = await repos.media.putCaption(mediaId, { language: captions.language, label: captions.label, path: key, sizeBytes }, now);
      await repos.audit.record({ userId: actorUserId(actor), action: 'media.captions', subject: `media:${mediaId}`, details: { language: captions.language } }, now);
      emit({ type: 'media.changed', mediaId });
      return old;
    });
    if (replaced) await deps.media.storage.delete(replaced);
  } catch (error) {
    if (stored) await deps.media.storage.delete(key);
    throw error;
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
  return requireMedia(deps, mediaId);
}
