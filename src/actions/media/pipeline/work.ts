import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { MediaItem, Rendition } from '../../../domain/media/media.js';
import type { MediaDeps } from '../media-deps.js';

/** One run of the pipeline over one media item: what it has, where it works, how it saves. */
export interface MediaWork {
  readonly deps: MediaDeps;
  readonly item: MediaItem;
  /** The item's folder in the media storage. */
  readonly folder: string;
  /** This run's scratch folder. */
  readonly dir: string;
  readonly signal: AbortSignal | undefined;
}

/** A rendition made by an earlier run (retries skip what is already done). */
export function existing(work: MediaWork, label: string): Rendition | undefined {
  return work.item.renditions.find((r) => r.label === label);
}

/** A new key under the item's folder; a random part keeps every key written once. */
export function newKey(work: MediaWork, name: string): string {
  return `${work.folder}/${randomBytes(4).toString('hex')}-${name}`;
}

/** Copies a stored rendition back to the scratch folder (to package HLS from an MP4 made earlier). */
export async function fetchStored(work: MediaWork, key: string, file: string): Promise<void> {
  await pipeline(await work.deps.media.storage.open(key), fs.createWriteStream(file));
}

/**
 * Records renditions; the first one readers can use (not a poster) makes a "processing" item
 * "ready". Readers' cached pages showing the item are purged by the media.changed event.
 */
export async function saveRenditions(work: MediaWork, renditions: readonly Rendition[]): Promise<void> {
  const { deps, item } = work;
  await deps.store.transaction(async (repos, emit) => {
    await repos.media.addRenditions(item.id, renditions);
    const current = await repos.media.findById(item.id);
    const usable = renditions.some((r) => r.kind !== 'poster');
    if (usable && current?.state === 'processing') await repos.media.setState(item.id, 'ready', null, deps.clock.now());
    emit({ type: 'media.changed', mediaId: item.id });
  });
}
