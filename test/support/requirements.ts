import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareMachine } from '../../scripts/prepare-tests.js';
import { migrateToLatest, openDatabase } from '../../src/store/open-store.js';
import { loadAssets } from '../../src/web/assets.js';
import { dropTestSchemas, runSchemaPrefix, SQLITE_TEMPLATE_VARIABLE } from './databases.js';
import { bundlePrograms } from './programs.js';

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
  // The server and the `dateline` command, as the tests that start them as processes run them.
  const removePrograms = await bundlePrograms(process.env.TEST_SCHEMA_RUN);
  // SQLite migrated once for the run: test stores and apps start from a copy.
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-test-run-'));
  const template = path.join(runDir, 'migrated.sqlite');
  const db = openDatabase({ kind: 'sqlite', file: template });
  await migrateToLatest(db, 'sqlite');
  await db.destroy();
  process.env[SQLITE_TEMPLATE_VARIABLE] = template;
  const prefix = runSchemaPrefix();
  return async () => {
    fs.rmSync(runDir, { recursive: true, force: true });
    removePrograms();
    await dropTestSchemas(prefix, Number(process.env.TEST_SCHEMA_RUN) - 6 * 3600);
  };
}
