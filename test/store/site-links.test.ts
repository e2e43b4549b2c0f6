import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAlert } from '../../src/actions/alerts/create-alert.js';
import { createStory } from '../../src/actions/stories/create-story.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenService, storyInput, SYSTEM } from '../support/factories.js';
import { openTestStore, type TestStore } from '../support/store.js';

const OFF_SITE = ['/\\evil.example/', '/\\t/evil.example/', '/\t/evil.example/', '//evil.example/', '/\n/evil.example/'];

describe.each(STORE_KINDS)('links to "a path of this site" that lead elsewhere, on %s', (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
    await givenService(t.deps);
  });
  afterEach(async () => t.close());

  const count = async (table: 'alerts' | 'stories') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('are refused in alerts and story bodies, storing nothing', async () => {
    for (const href of OFF_SITE) {
      await expect(createAlert(t.deps, SYSTEM, { serviceCode: 'en', text: 'Live now', linkUrl: href, durationMinutes: 5 }), JSON.stringify(href)).rejects.toMatchObject({
        kind: 'invalid',
        field: 'linkUrl',
      });
      const body = [{ type: 'paragraph', content: [{ type: 'link', text: 'read this', href }] }];
      await expect(createStory(t.deps, SYSTEM, storyInput({ body })), JSON.stringify(href)).rejects.toMatchObject({
        kind: 'invalid',
        field: 'body[0].content[0].href',
      });
    }
    expect(await count('alerts')).toBe(0);
    expect(await count('stories')).toBe(0);
    await createAlert(t.deps, SYSTEM, { serviceCode: 'en', text: 'Live now', linkUrl: '/en/a/live/1', durationMinutes: 5 });
    await createStory(t.deps, SYSTEM, storyInput({ body: [{ type: 'paragraph', content: [{ type: 'link', text: 'read this', href: '/en/a/live/1' }] }] }));
    expect(await count('alerts')).toBe(1);
    expect(await count('stories')).toBe(1);
  });
});
