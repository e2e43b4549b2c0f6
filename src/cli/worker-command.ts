import { parseArgs } from 'node:util';
import { composeWorkers } from '../compose-media.js';
import type { Config } from '../config.js';
import { composeCore, composePush } from '../compose.js';
import type { Logger } from '../logger.js';

export const workerUsage = 'dateline worker [--count N]   run job workers (transcoding) until SIGTERM/SIGINT';

/** Job workers in their own process, sharing the queue with the app's and with each other. */
export async function workerCommand(config: Config, logger: Logger, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { count: { type: 'string', default: '1' } }, strict: true });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1 || count > 16) throw new UsageError('--count must be a whole number from 1 to 16');
  const core = await composeCore(config, { logger, relayPollMs: 0 });
  const { media } = core;
  // Web Push deliveries are jobs too; the keys were made by the app at its first start.
  const push = composePush(config, core.actions);
  const workers = composeWorkers({ ...media, push: push.push, allowPrivatePushEndpoints: push.allowPrivatePushEndpoints }, count, core.workerLog, config.jobLeaseMs);
  workers.start();
  process.stdout.write(`dateline worker: ${count} worker(s) on ${config.database.kind}; stop with Ctrl-C\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  // A job in progress is handed back to the queue; another worker takes it.
  await workers.stop();
  await core.close();
  return 0;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}
