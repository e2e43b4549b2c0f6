import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStoryNote } from '../../src/actions/stories/add-story-note.js';
import { createStory } from '../../src/actions/stories/create-story.js';
import { publishDueStories } from '../../src/actions/stories/publish-due-stories.js';
import { publishStory } from '../../src/actions/stories/publish-story.js';
import { unpublishStory } from '../../src/actions/stories/unpublish-story.js';
import { updateStory } from '../../src/actions/stories/update-story.js';
import { updateLiveStory } from '../../src/actions/stories/pending-version.js';
import { createProfile } from '../../src/actions/profiles/create-profile.js';
import { getStoryPage } from '../../src/actions/reader/get-story-page.js';
import { getHomePage } from '../../src/actions/reader/get-home-page.js';
import { getProfilePage } from '../../src/actions/reader/get-profile-page.js';
import { DomainError } from '../../src/domain/shared/errors.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenPublishedStory, givenService, storyInput, SYSTEM } from '../support/factories.js';
import { openTestStore, type TestStore } from '../support/store.js';
import { registerMedia } from '../../src/demo/seed.js';

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the action succeeded');
}

async function rowCounts(t: TestStore) {
  const count = async (table: 'stories' | 'story_tags' | 'story_profiles' | 'story_notes') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    stories: await count('stories'),
    tags: await count('story_tags'),
    profiles: await count('story_profiles'),
    notes: await count('story_notes'),
  };
}

describe.each(STORE_KINDS)('stories on %s', (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
  });
  afterEach(async () => t.close());

  it('stores every field of a story and reads it back', async () => {
    const { section, tag } = await givenService(t.deps);
    const profile = await createProfile(t.deps, SYSTEM, { kind: 'person', name: 'Roza Otunbaeva', summary: 'Interim leader.' });
    const media = await registerMedia(t.deps, {
      kind: 'video',
      title: 'Bishkek - A Day After The Deadly Protests',
      credit: 'Reuters',
      durationMs: 84_000,
      state: 'ready',
      renditions: [{ kind: 'mp4', mimeType: 'video/mp4', path: 'a/b.mp4', width: 640, height: 360, sizeBytes: 1234, label: 'MP4 360p' }],
    });
    const body = [
      { type: 'paragraph', content: [{ type: 'text', text: 'Otunbaeva said ' }, { type: 'profile', text: '(see profile)', profileId: profile.id }] },
      { type: 'subheading', text: 'Whereabouts Unclear' },
      { type: 'media', mediaId: media.id },
    ];
    const id = await createStory(
      t.deps,
      SYSTEM,
      storyInput({ sectionId: section.id, tagIds: [tag.id], body, leadMediaId: media.id, credits: ['Reuters'] }),
    );
    const story = await t.store.read.stories.findById(id);
    expect(story).toMatchObject({
      serviceCode: 'en',
      sectionId: section.id,
      slug: 'parliament-votes-on-budget',
      headline: 'Parliament Votes On Budget',
      dateline: { place: 'Prague', outlet: 'RFE/RL' },
      bylines: ['A. Reporter'],
      credits: ['Reuters'],
      body,
      leadMediaId: media.id,
      tagIds: [tag.id],
      status: 'draft',
      publishedAt: null,
      commentsState: 'open',
      commentCount: 0,
    });
    expect(t.events).toContainEqual({ type: 'story.changed', storyId: id, serviceCode: 'en' });
    const [item] = await t.store.read.media.findByIds([media.id]);
    expect(item?.renditions[0]).toMatchObject({ kind: 'mp4', sizeBytes: 1234, width: 640 });
  });

  it('lists published stories newest first and hides drafts, future and withdrawn ones', async () => {
    await givenService(t.deps);
    const older = await givenPublishedStory(t.deps, { headline: 'Older' }, 60);
    const newer = await givenPublishedStory(t.deps, { headline: 'Newer' }, 5);
    await createStory(t.deps, SYSTEM, storyInput({ headline: 'Draft' }));
    const scheduled = await createStory(t.deps, SYSTEM, storyInput({ headline: 'Embargoed' }));
    await publishStory(t.deps, SYSTEM, scheduled, { at: new Date(t.clock.now().getTime() + 60 * 60_000) });
    const withdrawn = await givenPublishedStory(t.deps, { headline: 'Withdrawn' }, 30);
    await unpublishStory(t.deps, SYSTEM, withdrawn);

    const home = await getHomePage(t.deps, { serviceCode: 'en', page: 1 });
    expect(home.model.stories.map((s) => s.id)).toEqual([newer, older]);

    t.clock.advance(2 * 60 * 60_000);
    expect(await publishDueStories(t.deps)).toEqual([scheduled]);
    const later = await getHomePage(t.deps, { serviceCode: 'en', page: 1 });
    expect(later.model.stories.map((s) => s.headline)).toEqual(['Embargoed', 'Newer', 'Older']);
  });

  it('paginates lists twenty at a time', async () => {
    await givenService(t.deps);
    for (let i = 0; i < 23; i++) await givenPublishedStory(t.deps, { headline: `Story ${i}` }, 100 - i);
    const first = await getHomePage(t.deps, { serviceCode: 'en', page: 1 });
    const second = await getHomePage(t.deps, { serviceCode: 'en', page: 2 });
    expect(first.model.stories).toHaveLength(20);
    expect(first.model.hasNext).toBe(true);
    expect(second.model.stories.map((s) => s.headline)).toEqual(['Story 2', 'Story 1', 'Story 0']);
    expect(second.model.hasNext).toBe(false);
  });

  it('answers the story page, redirects a changed slug, and says gone once withdrawn', async () => {
    await givenService(t.deps);
    const id = await givenPublishedStory(t.deps, { headline: 'First Headline' });
    const page = await getStoryPage(t.deps, { serviceCode: 'en', slug: 'first-headline', storyId: id });
    expect(page.kind).toBe('page');

    await updateStory(t.deps, SYSTEM, id, storyInput({ headline: 'Second Headline' }));
    await updateLiveStory(t.deps, SYSTEM, id);
    const moved = await getStoryPage(t.deps, { serviceCode: 'en', slug: 'first-headline', storyId: id });
    expect(moved).toEqual({ kind: 'redirect', serviceCode: 'en', slug: 'second-headline', id });

    await unpublishStory(t.deps, SYSTEM, id);
    const gone = await rejection(getStoryPage(t.deps, { serviceCode: 'en', slug: 'second-headline', storyId: id }));
    expect(gone.code).toBe('STORY_GONE');
    expect(gone.kind).toBe('gone');

    const draft = await createStory(t.deps, SYSTEM, storyInput({ headline: 'Draft' }));
    expect((await rejection(getStoryPage(t.deps, { serviceCode: 'en', slug: 'draft', storyId: draft }))).code).toBe('STORY_NOT_FOUND');
  });

  it('keeps notes and corrections with their time and moves the update time', async () => {
    await givenService(t.deps);
    const id = await givenPublishedStory(t.deps);
    t.clock.advance(60_000);
    await addStoryNote(t.deps, SYSTEM, id, { kind: 'correction', text: 'An earlier version misspelled a name.' });
    const story = await t.store.read.stories.findById(id);
    expect(story?.notes).toEqual([{ kind: 'correction', text: 'An earlier version misspelled a name.', at: t.clock.now() }]);
    expect(story?.updatedAt).toEqual(t.clock.now());
    await expect(addStoryNote(t.deps, SYSTEM, id, { kind: 'rumour', text: 'x' })).rejects.toMatchObject({ field: 'kind' });
  });

  it('reads several stories at once as it reads each, in the order asked, leaving out ids that name none', async () => {
    const { tag } = await givenService(t.deps);
    const first = await givenPublishedStory(t.deps, { headline: 'First Story', tagIds: [tag.id] });
    const second = await givenPublishedStory(t.deps, { headline: 'Second Story' });
    const third = await createStory(t.deps, SYSTEM, storyInput({ headline: 'A Draft' }));
    t.clock.advance(60_000);
    await addStoryNote(t.deps, SYSTEM, second, { kind: 'correction', text: 'A name was misspelled.' });
    await addStoryNote(t.deps, SYSTEM, second, { kind: 'update', text: 'Police confirmed the figure.' });
    const one = async (id: number) => (await t.store.read.stories.findById(id))!;
    const many = await t.store.read.stories.findByIds([third, 99_999, second, first, second]);
    expect(many).toEqual([await one(third), await one(second), await one(first)]);
    expect(many.map((story) => story.headline)).toEqual(['A Draft', 'Second Story', 'First Story']);
    expect(many[1]!.notes.map((note) => note.kind)).toEqual(['correction', 'update']);
    expect(many[2]!.tagIds).toEqual([tag.id]);
    expect(await t.store.read.stories.findByIds([])).toEqual([]);
    expect(await t.store.read.stories.findByIds([99_999])).toEqual([]);
  });

  it('lists the stories that link a profile on its page', async () => {
    await givenService(t.deps);
    const profile = await createProfile(t.deps, SYSTEM, { kind: 'person', name: 'Kurmanbek Bakiev' });
    const mention = [{ type: 'paragraph', content: [{ type: 'profile', text: 'Bakiev', profileId: profile.id }] }];
    const linked = await givenPublishedStory(t.deps, { headline: 'Linked', body: mention });
    await givenPublishedStory(t.deps, { headline: 'Unlinked' });
    const page = await getProfilePage(t.deps, { serviceCode: 'en', slug: 'kurmanbek-bakiev', profileId: profile.id, page: 1 });
    expect(page.kind === 'page' && page.page.model.stories.map((s) => s.id)).toEqual([linked]);

    // Editing the link out of the body takes the story off the profile page.
    await updateStory(t.deps, SYSTEM, linked, storyInput({ headline: 'Linked' }));
    await updateLiveStory(t.deps, SYSTEM, linked);
    const after = await getProfilePage(t.deps, { serviceCode: 'en', slug: 'kurmanbek-bakiev', profileId: profile.id, page: 1 });
    expect(after.kind === 'page' && after.page.model.stories).toEqual([]);
  });

  it.each([
    ['an unknown service', { serviceCode: 'xx' }, 'SERVICE_NOT_FOUND'],
    ['a section of nowhere', { sectionId: 999 }, 'SECTION_NOT_FOUND'],
    ['an unknown tag', { tagIds: [999] }, 'TAG_NOT_FOUND'],
    ['missing lead media', { leadMediaId: 999 }, 'MEDIA_NOT_FOUND'],
    ['a link to a missing profile', { body: [{ type: 'profile', profileId: 999 }] }, 'PROFILE_NOT_FOUND'],
    ['a missing related story', { body: [{ type: 'related', storyId: 999 }] }, 'STORY_NOT_FOUND'],
    ['a body with a script element', { body: [{ type: 'script' }] }, 'BODY_INVALID'],
    ['an oversized headline', { headline: 'x'.repeat(301) }, 'FIELD_TOO_LONG'],
  ])('refuses %s and stores nothing', async (_name, overrides, code) => {
    await givenService(t.deps);
    const before = await rowCounts(t);
    const eventsBefore = t.events.length;
    const error = await rejection(createStory(t.deps, SYSTEM, storyInput(overrides)));
    expect(error.code).toBe(code);
    expect(await rowCounts(t)).toEqual(before);
    expect(t.events.length).toBe(eventsBefore);
  });

  it('refuses a bad update and keeps the story as it was', async () => {
    await givenService(t.deps);
    const id = await givenPublishedStory(t.deps, { headline: 'Kept' });
    const before = await t.store.read.stories.findById(id);
    await expect(updateStory(t.deps, SYSTEM, id, storyInput({ headline: 'Changed', tagIds: [999] }))).rejects.toMatchObject({ code: 'TAG_NOT_FOUND' });
    expect(await t.store.read.stories.findById(id)).toEqual(before);
    await expect(updateStory(t.deps, SYSTEM, 999, storyInput())).rejects.toMatchObject({ code: 'STORY_NOT_FOUND' });
  });
});
