import { prepareMachine } from '../../scripts/prepare-tests.js';
import { loadAssets } from '../../src/web/assets.js';
import { dropTestSchemas, runSchemaPrefix } from './databases.js';

/**
 * Runs once before the suite: the tests use real PostgreSQL, real Chromium and real ffmpeg.
 * What is missing is installed and started here when this process may (root or passwordless
 * sudo: scripts/prepare-tests.ts); otherwise the suite stops before any test, naming the one
 * command to run. Never skipped.
 */
export default async function checkRequirements(): Promise<() => Promise<void>> {
  // Seconds since the epoch name this run's PostgreSQL schemas; forked test workers inherit it.
  process.env.TEST_SCHEMA_RUN = String(Math.floor(Date.now() / 1000));
  await prepareMachine();
  // The client bundles, made once here (or found unchanged on disk), are what every test app reuses.
  await loadAssets();
  const prefix = runSchemaPrefix();
  return async () => {
    await dropTestSchemas(prefix, Number(process.env.TEST_SCHEMA_RUN) - 6 * 3600);
  };
}
