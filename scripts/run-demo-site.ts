import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { composeApp } from '../src/compose.js';
import { loadConfig } from '../src/config.js';

/** The reader site with its demo content on a fresh SQLite file in a temporary folder, listening on a free port. */
export async function runDemoSite(): Promise<{ base: string; close: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-demo-'));
  const config = loadConfig({
    DATABASE_URL: path.join(dir, 'dateline.db'),
    MEDIA_DIR: path.join(dir, 'media'),
    ORIGINALS_DIR: path.join(dir, 'originals'),
    UPLOADS_DIR: path.join(dir, 'uploads'),
    SECRET_FILE: path.join(dir, 'secret'),
    DEMO: 'true',
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
  });
  const composed = await composeApp(config, { relayPollMs: 0 });
  const base = await composed.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    base,
    close: async () => {
      await composed.app.close();
      await composed.store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
