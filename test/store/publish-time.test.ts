import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStory } from '../../src/actions/stories/create-story.js';
import { publishStory } from '../../src/actions/stories/publish-story.js';
import { unpublishStory } from '../../src/actions/stories/unpublish-story.js';
import { BACKDATE_LIMIT_MS } from '../../src/domain/story/workflow.js';
import { STORE_KINDS } from '../support/databases.js';
import { storyInput, givenService, SYSTEM } from '../support/factories.js';
import { openTestStore, type TestStore } from '../support/store.js';

describe.each(STORE_KINDS)('back-dated publishing on %s', (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
    await givenService(t.deps);
  });
  afterEach(async () => t.close());

  const ago = (ms: number) => new Date(t.clock.now().getTime() - ms);
  const snapshot = async (id: number) => {
    const story = await t.store.read.stories.findById(id);
    const audit = await t.store.read.audit.list(100, 0, {});
    return { status: story?.status, publishedAt: story?.publishedAt, version: story?.version, audit: audit.length };
  };

  it('accepts a publish time up to a week back', async () => {
    const id = await createStory(t.deps, SYSTEM, storyInput());
    const at = ago(BACKDATE_LIMIT_MS - 60_000);
    expect(await publishStory(t.deps, SYSTEM, id, { at })).toEqual({ status: 'published', publishedAt: at });
  });

  it('refuses a publish time further back (year 1 too) with a clear error, changing nothing', async () => {
    const id = await createStory(t.deps, SYSTEM, storyInput());
    const before = await snapshot(id);
    const events = t.events.length;
    for (const at of [new Date('0001-01-01T00:00:00Z'), ago(BACKDATE_LIMIT_MS + 60_000)]) {
      await expect(publishStory(t.deps, SYSTEM, id, { at })).rejects.toMatchObject({ code: 'PUBLISH_TIME_TOO_EARLY', kind: 'invalid', field: 'at' });
    }
    expect(await snapshot(id)).toEqual(before);
    expect(t.events).toHaveLength(events);
  });

  it('does not let a republished story move its first publish time into the far past', async () => {
    const id = await createStory(t.deps, SYSTEM, storyInput());
    const first = await publishStory(t.deps, SYSTEM, id);
    await unpublishStory(t.deps, SYSTEM, id);
    const before = await snapshot(id);
    await expect(publishStory(t.deps, SYSTEM, id, { at: new Date('0001-01-01T00:00:00Z') })).rejects.toMatchObject({ code: 'PUBLISH_TIME_TOO_EARLY' });
    expect(await snapshot(id)).toEqual(before);
    expect((await publishStory(t.deps, SYSTEM, id)).publishedAt).toEqual(first.publishedAt);
  });
});
