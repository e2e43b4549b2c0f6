import os from 'node:os';
import type { ActionDeps } from './actions/deps.js';
import type { MediaDeps } from './actions/media/media-deps.js';
import type { Config } from './config.js';
import { jobHandlers } from './jobs/handlers.js';
import { createWorker, type Worker, type WorkerOptions } from './jobs/worker.js';
import { removeAbandonedScratch } from './media/process/scratch.js';
import { localDiskStorage } from './media/storage/local-disk-storage.js';

/** Media deps: renditions on MEDIA_DIR (served at /media/), originals in ORIGINALS_DIR (never served). */
export function composeMedia(config: Pick<Config, 'mediaDir' | 'originalsDir' | 'mediaLimits'>, actions: ActionDeps): MediaDeps {
  return {
    ...actions,
    media: {
      storage: localDiskStorage(config.mediaDir, '/media/'),
      originals: localDiskStorage(config.originalsDir, '/originals-are-not-served/'),
      tempDir: os.tmpdir(),
      limits: config.mediaLimits,
    },
  };
}

export interface Workers {
  readonly workers: readonly Worker[];
  start(): void;
  stop(): Promise<void>;
}

/**
 * `count` job workers sharing the queue; started by main.ts or `dateline worker` (also with
 * none, to clean up after killed processes), stopped on shutdown.
 */
export function composeWorkers(
  deps: Parameters<typeof jobHandlers>[0],
  count: number,
  log?: WorkerOptions['log'],
  leaseMs?: number,
): Workers {
  const workers = Array.from({ length: count }, (_, index) =>
    createWorker({
      store: deps.store,
      clock: deps.clock,
      handlers: jobHandlers(deps),
      name: `worker-${process.pid}-${index + 1}`,
      ...(leaseMs ? { leaseMs } : {}),
      ...(log ? { log } : {}),
    }),
  );
  return {
    workers,
    start: () => {
      // What jobs of a killed process left (scratch folders, half-copied files) goes at start.
      Promise.all([removeAbandonedScratch(deps.media.tempDir), deps.media.storage.removeAbandoned(), deps.media.originals.removeAbandoned()]).catch(
        (error: unknown) => log?.error({ err: error }, 'could not remove what a killed job left'),
      );
      workers.forEach((worker) => worker.start());
    },
    stop: async () => {
      await Promise.all(workers.map((worker) => worker.stop()));
    },
  };
}
