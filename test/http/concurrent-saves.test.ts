import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { createProfile } from '../../src/actions/profiles/create-profile.js';
import { givenService, storyInput, SYSTEM } from '../support/factories.js';
import { givenMediaItem } from '../support/media.js';
import { API, givenUser, signInAs } from '../support/newsroom.js';

const EDITORS = 6;

describe.each(STORE_KINDS)('saves of the same story version at the same moment on %s', (kind) => {
  let t: TestApp;
  let editor: Awaited<ReturnType<typeof givenUser>>;
  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions);
    editor = await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
  });
  afterAll(async () => t.close());

  const revisionsOf = async (id: number) =>
    (await t.app.inject({ method: 'GET', url: `${API}/stories/${id}/revisions?perPage=50`, headers: editor.bearer })).json().items as {
      kind: string;
      headline: string;
      version: number;
    }[];

  it('through the Admin API: exactly one is saved, the others get 409 and their text is kept as a revision', async () => {
    const { id } = (await t.app.inject({ method: 'POST', url: `${API}/stories`, headers: editor.bearer, payload: storyInput() })).json() as { id: number };
    const headlines = Array.from({ length: EDITORS }, (_, i) => `Edit Number ${i + 1}`);
    const responses = await Promise.all(
      headlines.map((headline) =>
        t.app.inject({ method: 'PUT', url: `${API}/stories/${id}`, headers: editor.bearer, payload: { ...storyInput({ headline }), version: 1 } }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(EDITORS - 1);
    for (const refused of responses.filter((r) => r.statusCode === 409)) {
      expect(refused.json().error).toMatchObject({ code: 'STORY_VERSION_CONFLICT', field: 'version' });
    }
    const winner = headlines[statuses.indexOf(200)];
    const story = (await t.app.inject({ method: 'GET', url: `${API}/stories/${id}`, headers: editor.bearer })).json();
    expect(story).toMatchObject({ headline: winner, version: 2 });

    const revisions = await revisionsOf(id);
    expect(revisions.filter((r) => r.kind === 'save').map((r) => r.headline).sort()).toEqual([winner, 'Parliament Votes On Budget'].sort());
    const kept = revisions.filter((r) => r.kind === 'conflict');
    expect(kept.map((r) => r.headline).sort()).toEqual(headlines.filter((h) => h !== winner).sort());
    expect(kept.every((r) => r.version === 1)).toBe(true);
  });

  it('through the newsroom form: exactly one is saved, the others are refused and kept as revisions', async () => {
    const { id } = (await t.app.inject({ method: 'POST', url: `${API}/stories`, headers: editor.bearer, payload: storyInput() })).json() as { id: number };
    // Signed in one after another: sign-ins in flight at once count against the account's lock.
    const sessions = [];
    for (let i = 0; i < EDITORS; i++) sessions.push(await signInAs(t, editor.email));
    const headlines = sessions.map((_, i) => `Form Edit ${i + 1}`);
    const responses = await Promise.all(
      sessions.map((session, i) =>
        t.app.inject({
          method: 'POST',
          url: `/newsroom/stories/${id}`,
          headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({
            _csrf: session.csrfToken,
            version: '1',
            serviceCode: 'en',
            headline: headlines[i]!,
            slug: 'parliament-votes',
            bodyJson: JSON.stringify([{ type: 'paragraph', content: [{ type: 'text', text: `Text of editor ${i + 1}.` }] }]),
          }).toString(),
        }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 303)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(EDITORS - 1);
    const winner = headlines[statuses.indexOf(303)];
    expect(await t.store.read.stories.findById(id)).toMatchObject({ headline: winner, version: 2 });
    const kept = (await revisionsOf(id)).filter((r) => r.kind === 'conflict');
    expect(kept.map((r) => r.headline).sort()).toEqual(headlines.filter((h) => h !== winner).sort());
  });

  // Not versioned: an edit names only the fields it changes, and keeps the others as they are.
  it('keeps both of two media edits of different fields made at the same moment', async () => {
    const item = await givenMediaItem(t.actions, { title: 'The square', caption: null, credit: null });
    const edits = [{ caption: 'Crowds in the square at noon' }, { credit: 'Reuters' }, { alt: 'A crowd of people' }];
    const responses = await Promise.all(
      edits.map((payload) => t.app.inject({ method: 'PATCH', url: `${API}/media/${item.id}`, headers: editor.bearer, payload })),
    );
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(await t.store.read.media.findById(item.id)).toMatchObject({
      title: 'The square',
      caption: 'Crowds in the square at noon',
      credit: 'Reuters',
      altText: 'A crowd of people',
    });
  });

  it('keeps both of two profile edits of different fields made at the same moment', async () => {
    const { id } = await createProfile(t.actions, SYSTEM, { kind: 'person', name: 'Roza Otunbaeva', serviceCode: 'en' });
    const responses = await Promise.all([
      t.app.inject({ method: 'PUT', url: `${API}/profiles/${id}`, headers: editor.bearer, payload: { summary: 'Leader of the interim government' } }),
      t.app.inject({ method: 'PUT', url: `${API}/profiles/${id}`, headers: editor.bearer, payload: { name: 'Roza Isakovna Otunbaeva' } }),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(await t.store.read.profiles.findById(id)).toMatchObject({ name: 'Roza Isakovna Otunbaeva', summary: 'Leader of the interim government' });
  });
});
