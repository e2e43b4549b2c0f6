import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStory } from '../../src/actions/stories/create-story.js';
import { composeApp } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/domain/shared/clock.js';
import { createTestDatabase, STORE_KINDS, type TestDatabase } from '../support/databases.js';
import { givenService, storyInput, SYSTEM } from '../support/factories.js';
import { API, givenUser } from '../support/newsroom.js';
import { T0 } from '../support/store.js';

describe.each(STORE_KINDS)('scheduled publishing on %s', (kind) => {
  let database: TestDatabase | undefined;
  afterEach(async () => database?.cleanup());

  it('publishes a story whose time passed while the server was stopped, as soon as it is back', async () => {
    database = await createTestDatabase(kind);
    const mediaDir = path.join(database.dir, 'media');
    fs.mkdirSync(mediaDir, { recursive: true });
    const config = loadConfig({
      DATABASE_URL: database.config.kind === 'sqlite' ? database.config.file : database.config.url,
      MEDIA_DIR: mediaDir,
      DEMO: 'false',
      LOG_LEVEL: 'silent',
    });
    const clock = fixedClock(T0);
    const start = () => composeApp(config, { clock, ...(database?.schema ? { schema: database.schema } : {}) });

    const first = await start();
    await givenService(first.actions);
    const editor = await givenUser(first.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }]);
    const id = await createStory(first.actions, SYSTEM, storyInput({ headline: 'Embargoed Until Noon' }));
    const at = new Date(T0.getTime() + 60 * 60_000);
    const scheduled = await first.app.inject({ method: 'POST', url: `${API}/stories/${id}/publish`, headers: editor.bearer, payload: { at: at.toISOString() } });
    expect(scheduled.json()).toEqual({ status: 'scheduled', publishedAt: at.toISOString() });
    const before = await first.app.inject({ method: 'GET', url: '/en/' });
    expect(before.body).not.toContain('Embargoed Until Noon');
    await first.app.close();
    await first.store.close();

    clock.advance(2 * 60 * 60_000);
    const second = await start();
    try {
      expect((await second.store.read.stories.findById(id))?.status).toBe('published');
      const home = await second.app.inject({ method: 'GET', url: '/en/' });
      expect(home.body).toContain('Embargoed Until Noon');
    } finally {
      await second.app.close();
      await second.store.close();
    }
  });
});
