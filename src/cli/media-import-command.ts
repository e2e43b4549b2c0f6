import path from 'node:path';
import { parseArgs } from 'node:util';
import { ingestMedia } from '../actions/media/ingest-media.js';
import type { Config } from '../config.js';
import { composeCore } from '../compose.js';
import type { Logger } from '../logger.js';
import { UsageError } from './worker-command.js';

export const mediaImportUsage =
  'dateline media import FILE --title T [--credit C] [--caption X] [--alt A]   take in a video, audio or image file';

/** Takes in a file from disk as the newsroom upload will: a worker makes its renditions. */
export async function mediaImportCommand(config: Config, logger: Logger, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      title: { type: 'string' },
      credit: { type: 'string' },
      caption: { type: 'string' },
      alt: { type: 'string' },
    },
  });
  const [file, ...rest] = positionals;
  if (!file || rest.length) throw new UsageError('give exactly one FILE');
  if (values.title === undefined) throw new UsageError('--title is required');
  const core = await composeCore(config, { logger, relayPollMs: 0 });
  const { media } = core;
  try {
    const item = await ingestMedia(media, {
      file: path.resolve(file),
      title: values.title,
      credit: values.credit,
      caption: values.caption,
      altText: values.alt,
    });
    process.stdout.write(`media ${item.id}: ${item.kind}, ${item.state}; a worker makes its renditions\n`);
    return 0;
  } finally {
    await core.close();
  }
}
