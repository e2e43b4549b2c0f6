import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfile } from '../../src/actions/profiles/create-profile.js';
import { createStory } from '../../src/actions/stories/create-story.js';
import { publishStory } from '../../src/actions/stories/publish-story.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { GENEROUS_LIMITS, postingDeps, readerPost } from '../support/comments.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenPublishedStory, givenService, storyInput, SYSTEM } from '../support/factories.js';
import { API, givenUser } from '../support/newsroom.js';

const RLO = '\u202e';

describe.each(STORE_KINDS)('names: invisible characters refused, names isolated in pages, on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof givenUser>>;
  let storyId: number;
  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false, rateLimits: GENEROUS_LIMITS, workMaxNumber: 300 });
    await givenService(t.actions);
    admin = await givenUser(t.actions, 'admin', [{ role: 'admin', serviceCode: null }]);
    storyId = await givenPublishedStory(t.actions);
  });
  afterAll(async () => t.close());

  it('refuses a comment whose name carries a direction override or is only a zero-width space, storing nothing', async () => {
    const deps = postingDeps(t.actions);
    const before = await t.store.read.comments.countByStory(storyId);
    for (const authorName of [`Ed${RLO}gnp.exe`, '\u200b', 'A\u2066B\u2069', 'E\ufeffd']) {
      await expect(readerPost(deps, { storyId, authorName }), JSON.stringify(authorName)).rejects.toMatchObject({ field: 'authorName' });
    }
    expect(await t.store.read.comments.countByStory(storyId)).toEqual(before);
  });

  it('refuses such names for accounts, profiles and bylines through the Admin API, creating nothing', async () => {
    const users = await t.store.read.users.count();
    const created = await t.app.inject({ method: 'POST', url: `${API}/users`, headers: admin.bearer, payload: { email: 'x@example.org', name: `Ed${RLO}`, grants: [] } });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.field).toBe('name');
    expect(await t.store.read.users.count()).toBe(users);

    const profile = await t.app.inject({ method: 'POST', url: `${API}/profiles`, headers: admin.bearer, payload: { kind: 'person', name: '\u200b' } });
    expect(profile.statusCode).toBe(400);
    const story = await t.app.inject({ method: 'POST', url: `${API}/stories`, headers: admin.bearer, payload: storyInput({ bylines: [`A${RLO}B`] }) });
    expect(story.statusCode).toBe(400);
    expect(story.json().error.field).toBe('bylines[0]');
  });

  it('isolates readers\' and authors\' names in <bdi> on the story, comments and profile pages', async () => {
    const persian = 'می‌خواهم';
    const comment = await readerPost(postingDeps(t.actions), { storyId, authorName: persian });
    expect(comment.state).toBe('visible');
    const comments = await t.app.inject({ method: 'GET', url: `/en/a/parliament-votes-on-budget/${storyId}/comments` });
    expect(comments.body).toContain(`<bdi>${persian}</bdi>`);

    const profile = await createProfile(t.actions, SYSTEM, { kind: 'person', name: 'Роза Отунбаева', serviceCode: 'en' });
    const id = await createStory(t.actions, SYSTEM, storyInput({ headline: 'Bylines', bylines: ['Ана Ли', 'علی رضایی'], body: [{ type: 'profile', profileId: profile.id }] }));
    await publishStory(t.actions, SYSTEM, id);
    const story = await t.app.inject({ method: 'GET', url: `/en/a/bylines/${id}` });
    expect(story.statusCode).toBe(200);
    expect(story.body).toContain('<bdi>Ана Ли</bdi>, <bdi>علی رضایی</bdi>');
    expect(story.body).toContain('<bdi>Роза Отунбаева</bdi>');
    const profilePage = await t.app.inject({ method: 'GET', url: `/en/p/${profile.slug}/${profile.id}` });
    expect(profilePage.statusCode).toBe(200);
    expect(profilePage.body).toMatch(/<h1 id="profile-name"><bdi>Роза Отунбаева<\/bdi><\/h1>/);
  });
});
