import { pino, type Logger as PinoLogger } from 'pino';
import type { Config } from './config.js';

/** The one logger of a process (JSON lines), built at its start and passed to app, workers and CLI commands. */
export type Logger = PinoLogger;

/** Standard output for the app and `dateline worker`; standard error for one-shot commands, whose output is their result. */
export function createLogger(level: Config['logLevel'], to: 'stdout' | 'stderr' = 'stdout'): Logger {
  return pino({ level }, pino.destination({ fd: to === 'stdout' ? 1 : 2, sync: to === 'stderr' }));
}
