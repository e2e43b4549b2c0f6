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
  process.env.TEST_SCHEMA_RUN = String(Math.floor(Date.now() / 1000));
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
  const postgresError = await waitForPostgres();
  if (postgresError) {
    missing.push(
      `PostgreSQL at ${POSTGRES_URL} (${postgresError}); start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start, or set TEST_DATABASE_URL`,
    );
  }
  if (missing.length) {
    throw new Error(
      `The test suite needs real parts that this machine lacks:\n- ${missing.join('\n- ')}\nInstall the Debian packages with: bash scripts/setup-debian.sh`,
    );
  }
  const prefix = runSchemaPrefix();
  return async () => {
    await dropTestSchemas(prefix, Number(process.env.TEST_SCHEMA_RUN) - 6 * 3600);
  };
}

/**
 * Null once PostgreSQL answers a query, else why not. A server that was just (re)started
 * refuses connections or says it is starting up for a few seconds: that is waited for.
 */
async function waitForPostgres(ms = 30_000): Promise<string | null> {
  const deadline = Date.now() + ms;
  for (;;) {
    const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : '';
      const message = error instanceof Error ? error.message : String(error);
      const comingUp = ['57P03', 'ECONNREFUSED', 'ECONNRESET'].includes(code) || /Connection terminated/.test(message);
      if (!comingUp || Date.now() > deadline) return message;
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
