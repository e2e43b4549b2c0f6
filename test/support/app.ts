import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { composeApp } from '../../src/compose.js';
import { loadConfig, type DatabaseConfig } from '../../src/config.js';
import { fixedClock } from '../../src/domain/shared/clock.js';
import type { Logger } from '../../src/logger.js';
import { scryptHasher, type PasswordHasher } from '../../src/actions/users/passwords.js';
import type { RateLimits } from '../../src/actions/comments/rate-limiter.js';
import type { StoreKind } from './databases.js';
import { releaseDatabase, T0, takeMigratedDatabase } from './store.js';

/**
 * scrypt as the app runs it, with a 32nd of its work (N=2^10: about 4 ms a hash instead of
 * 120): the suite signs in some 600 times. The app's own parameters are tested in
 * passwords.test.ts, and a hash is checked with the parameters written in it, so accounts made
 * by `dateline user add` in the tests sign in all the same.
 */
const TEST_PASSWORDS = scryptHasher({ N: 2 ** 10, r: 8, p: 1 });

export interface TestApp extends Awaited<ReturnType<typeof composeApp>> {
  readonly clock: ReturnType<typeof fixedClock>;
  readonly mediaDir: string;
  /** Where resumable uploads in progress are kept. */
  readonly uploadsDir: string;
  /** What DATABASE_URL would be for another process using this database (SQLite: the file). */
  readonly databaseUrl: string;
  /** How another process would open this database (`openDatabase(database, location)`). */
  readonly database: { readonly config: DatabaseConfig; readonly location: { schema?: string } };
  close(): Promise<void>;
}

/** The whole app on a fresh (migrated, empty) database, with a fixed clock; demo content loaded unless told otherwise. */
export async function startTestApp(
  kind: StoreKind,
  options: {
    demo?: boolean;
    clock?: Date | 'system';
    rateLimits?: RateLimits;
    workMaxNumber?: number;
    /** More settings, e.g. MAX_IMAGE_MB. */
    env?: Record<string, string>;
    /** The process's logger (default: silent). */
    logger?: Logger;
    /** How passwords are hashed (default: the app's scrypt with less work, see TEST_PASSWORDS). */
    passwords?: PasswordHasher;
  } = {},
): Promise<TestApp> {
  // Already migrated (the app migrates at start as always, and finds nothing to do) and empty.
  const { database, db } = await takeMigratedDatabase(kind);
  await db.destroy();
  const mediaDir = path.join(database.dir, 'media');
  fs.mkdirSync(mediaDir, { recursive: true });
  const databaseUrl = database.config.kind === 'sqlite' ? database.config.file : database.config.url;
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    MEDIA_DIR: mediaDir,
    ORIGINALS_DIR: path.join(database.dir, 'originals'),
    UPLOADS_DIR: path.join(database.dir, 'uploads'),
    DEMO: options.demo === false ? 'false' : 'true',
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    SECRET_FILE: path.join(database.dir, 'secret'),
    ...options.env,
  });
  const clock = fixedClock(options.clock instanceof Date ? options.clock : T0);
  const composed = await composeApp(config, {
    // Tests read other processes' events by hand: `t.relay.pollOnce()`.
    relayPollMs: 0,
    ...(options.clock === 'system' ? {} : { clock }),
    ...(database.schema ? { schema: database.schema } : {}),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    ...(options.workMaxNumber ? { workMaxNumber: options.workMaxNumber } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    passwords: options.passwords ?? TEST_PASSWORDS,
  });
  return {
    ...composed,
    clock,
    mediaDir,
    uploadsDir: config.uploadsDir,
    databaseUrl,
    database: { config: database.config, location: database.schema ? { schema: database.schema } : {} },
    close: async () => {
      await composed.app.close();
      await composed.store.close();
      await releaseDatabase(database);
    },
  };
}

export async function listen(app: FastifyInstance): Promise<string> {
  return app.listen({ port: 0, host: '127.0.0.1' });
}
