import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../src/store/open-store.js';
import { createStore } from '../../src/store/store.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { filesUnder, makeClip } from '../support/media.js';
import { program } from '../support/programs.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('dateline media import', () => {
  let database: TestDatabase | undefined;
  afterEach(async () => database?.cleanup());

  it('takes in a clip as a processing video with a queued job, and refuses a text file with the error code', async () => {
    database = await createTestDatabase('sqlite');
    if (database.config.kind !== 'sqlite') throw new Error('sqlite expected');
    const env = {
      ...process.env,
      DATABASE_URL: database.config.file,
      MEDIA_DIR: path.join(database.dir, 'media'),
      ORIGINALS_DIR: path.join(database.dir, 'originals'),
      LOG_LEVEL: 'silent',
    };
    const dateline = (...args: string[]) =>
      spawnSync(process.execPath, program('cli', ...args), { cwd: ROOT, env, encoding: 'utf8' });

    const clip = makeClip(path.join(database.dir, 'clip.mp4'), { width: 160, height: 120, seconds: 1 });
    const ok = dateline('media', 'import', clip, '--title', 'Bishkek', '--credit', 'Reuters');
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe('media 1: video, processing; a worker makes its renditions\n');

    const text = path.join(database.dir, 'notes.mp4');
    fs.writeFileSync(text, 'just words\n'.repeat(50));
    const refused = dateline('media', 'import', text, '--title', 'Notes');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^MEDIA_UNREADABLE: /);

    const usage = dateline('media', 'import', clip);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^--title is required/);

    const db = openDatabase(database.config);
    await migrateToLatest(db, 'sqlite');
    const store = createStore(db, 'sqlite');
    expect(await store.read.media.findById(1)).toMatchObject({ kind: 'video', title: 'Bishkek', credit: 'Reuters', state: 'processing' });
    expect(await store.read.media.findById(2)).toBeNull();
    expect(await store.read.jobs.countByState('queued')).toBe(1);
    expect(filesUnder(path.join(database.dir, 'originals'))).toHaveLength(1);
    await store.close();
  });
});
