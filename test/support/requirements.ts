import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';
import { dropTestSchemas, POSTGRES_URL, runSchemaPrefix } from './databases.js';
import { CHROMIUM_PATH } from './browser.js';

/**
 * Runs once before the suite: the tests use real PostgreSQL, real Chromium and real ffmpeg,
 * and say plainly what is missing rather than skipping.
 */
export default async function checkRequirements(): Promise<() => Promise<void>> {
  // Seconds since the epoch name this run's PostgreSQL schemas; forked test workers inherit it.
  process.env.TEST_RUN_OF_DATELINE = String(Math.floor(Date.now() / 1000));
  const missing: string[] = [];
  if (!fs.existsSync(CHROMIUM_PATH)) missing.push(`Chromium at ${CHROMIUM_PATH} (Debian package "chromium"; or set CHROMIUM_PATH)`);
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
  } catch {
    missing.push('ffmpeg on the PATH (Debian package "ffmpeg")');
  }
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
  } catch {
    missing.push('java on the PATH, for the Nu HTML checker (Debian package "default-jre-headless")');
  }
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    missing.push(
      `PostgreSQL at ${POSTGRES_URL} (${error instanceof Error ? error.message : String(error)}); start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start, or set TEST_DATABASE_URL`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  if (missing.length) {
    throw new Error(
      `The test suite needs real parts that this machine lacks:\n- ${missing.join('\n- ')}\nInstall the Debian packages with: bash scripts/setup-debian.sh`,
    );
  }
  const prefix = runSchemaPrefix();
  return async () => {
    await dropTestSchemas(prefix, Number(process.env.TEST_RUN_OF_DATELINE) - 6 * 3600);
  };
}
