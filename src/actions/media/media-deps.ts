import type { MediaSizeLimits } from '../../domain/media/renditions-plan.js';
import type { MediaStorage } from '../../media/storage/media-storage.js';
import type { ActionDeps } from '../deps.js';

export interface MediaTools {
  /** Renditions readers fetch (MEDIA_DIR, served at /media/). */
  readonly storage: MediaStorage;
  /** Uploaded originals: kept for making renditions again, never served (they may carry a source's metadata). */
  readonly originals: MediaStorage;
  /** Scratch space; every job removes its own folder in it, whatever happens. */
  readonly tempDir: string;
  readonly limits: MediaSizeLimits;
}

/** What media actions need: the usual deps plus where files go. */
export interface MediaDeps extends ActionDeps {
  readonly media: MediaTools;
}
