import { KEEP_UNFINISHED_UPLOAD_MS, OPEN_UPLOADS_PER_PERSON, tooManyOpenUploads } from '../../domain/media/uploads.js';
import type { MediaDeps } from './media-deps.js';

type Deps = Pick<MediaDeps, 'store' | 'clock'>;

/**
 * Counts a new resumable upload against its uploader's quota of open uploads, or refuses it
 * (UPLOADS_TOO_MANY) when they have OPEN_UPLOADS_PER_PERSON already. Atomic: parallel
 * requests of one person are counted one after another.
 */
export async function openUpload(deps: Deps, input: { uploadId: string; userId: number }): Promise<void> {
  const now = deps.clock.now();
  const reserved = await deps.store.transaction((repos) =>
    repos.openUploads.reserve({
      id: input.uploadId,
      userId: input.userId,
      limit: OPEN_UPLOADS_PER_PERSON,
      since: new Date(now.getTime() - KEEP_UNFINISHED_UPLOAD_MS),
      now,
    }),
  );
  if (!reserved) throw tooManyOpenUploads();
}

/** An upload finished (taken in or refused) or was cancelled: it no longer counts. */
export async function closeUpload(deps: Deps, uploadId: string): Promise<void> {
  await deps.store.transaction((repos) => repos.openUploads.release(uploadId));
}

/** Forgets uploads older than the time unfinished ones are kept (their files are removed then too). */
export async function forgetExpiredUploads(deps: Deps): Promise<void> {
  const cutoff = new Date(deps.clock.now().getTime() - KEEP_UNFINISHED_UPLOAD_MS);
  await deps.store.transaction((repos) => repos.openUploads.deleteBefore(cutoff));
}
