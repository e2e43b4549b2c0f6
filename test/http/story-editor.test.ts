import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfile } from '../../src/actions/profiles/create-profile.js';
import { createStory } from '../../src/actions/stories/create-story.js';
import { publishStory } from '../../src/actions/stories/publish-story.js';
import { signOut } from '../../src/actions/users/sessions.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenService, storyInput, SYSTEM } from '../support/factories.js';
import { givenMediaItem } from '../support/media.js';
import { givenUser, signInAs } from '../support/newsroom.js';

const RICH_BODY = [
  { type: 'paragraph', content: [{ type: 'text', text: 'Floods hit the old town.' }] },
  { type: 'subheading', text: 'What They Said' },
  { type: 'quote', content: [{ type: 'text', text: 'We lost everything.' }], attribution: 'A resident' },
];

describe.each(STORE_KINDS)('the story form, tools, revisions and preview in the newsroom on %s', (kind) => {
  let t: TestApp;
  let editor: Awaited<ReturnType<typeof signInAs>>;
  let profileId: number;
  let tagId: number;

  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    tagId = (await givenService(t.actions)).tag.id;
    await givenService(t.actions, 'ru');
    await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
    await givenUser(t.actions, 'editor-ru', [{ role: 'editor', serviceCode: 'ru' }], { withPassword: true });
    editor = await signInAs(t, 'editor@example.org');
    profileId = (await createProfile(t.actions, SYSTEM, { kind: 'person', name: 'Roza Otunbaeva', serviceCode: 'en' })).id;
  });
  afterAll(async () => t.close());

  const post = (url: string, fields: Record<string, string>, session = editor, csrf: string | null = session.csrfToken) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...(csrf === null ? {} : { _csrf: csrf }), ...fields }).toString(),
    });
  const get = (url: string, session = editor) => t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
  const draft = (overrides: Record<string, unknown> = {}) => createStory(t.actions, SYSTEM, storyInput(overrides));
  const fields = (overrides: Record<string, string> = {}) => ({
    version: '1',
    serviceCode: 'en',
    headline: 'Floods In The Old Town',
    slug: 'floods-old-town',
    bylines: 'Ainura Asankojoeva\n\nBakyt Toktomushev',
    credits: 'Reuters',
    tagsShown: '1',
    [`tag-${tagId}`]: '1',
    bodyJson: JSON.stringify(RICH_BODY),
    ...overrides,
  });
  const stored = async (id: number) => (await t.store.read.stories.findById(id))!;

  it('saves every field of the form, the rich body included', async () => {
    const media = await givenMediaItem(t.actions, { title: 'The flooded square' });
    const id = await draft();
    const response = await post(`/newsroom/stories/${id}`, fields({ leadMediaId: String(media.id) }));
    expect(response.statusCode).toBe(303);
    const story = await stored(id);
    expect(story).toMatchObject({
      headline: 'Floods In The Old Town',
      slug: 'floods-old-town',
      bylines: ['Ainura Asankojoeva', 'Bakyt Toktomushev'],
      credits: ['Reuters'],
      tagIds: [tagId],
      leadMediaId: media.id,
      version: 2,
    });
    expect(story.body).toEqual(RICH_BODY);

    const page = await get(`/newsroom/stories/${id}`);
    expect(page.body).toContain('The flooded square');
    expect(page.body).toContain(`name="tag-${tagId}" value="1" data-tag-id="${tagId}" checked`);
    expect(page.body).toMatch(/<script src="\/assets\/editor\.[\w-]+\.js" defer>/);
    // The rich body cannot be edited as plain text: the form says so and keeps it when saved without the editor.
    expect(page.body).toContain('turn on JavaScript');
    const { bodyJson: _sentByTheEditor, ...withoutEditor } = fields({ version: '2', headline: 'Saved Without Script' });
    const plain = await post(`/newsroom/stories/${id}`, withoutEditor);
    expect(plain.statusCode).toBe(303);
    expect(await stored(id)).toMatchObject({ headline: 'Saved Without Script', body: RICH_BODY });
  });

  it('loads the editor script only on the story form', async () => {
    const list = await get('/newsroom/stories');
    expect(list.body).not.toContain('/assets/editor.');
    const form = await get('/newsroom/stories/new');
    expect(form.body).toContain('/assets/editor.');
    const script = /src="(\/assets\/editor\.[\w-]+\.js)"/.exec(form.body)?.[1];
    const asset = await t.app.inject({ method: 'GET', url: script! });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('text/javascript');
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const id = await draft();
    const before = await stored(id);
    // A reference to something that does not exist is a 404 (its *_NOT_FOUND code), as everywhere.
    const cases: [Record<string, string>, string, number?][] = [
      [{ headline: 'h'.repeat(301) }, 'headline must be at most 300 characters'],
      [{ bylines: 'b'.repeat(121) }, 'bylines[0] must be at most 120 characters'],
      [{ slug: 'not a slug!' }, 'slug'],
      [{ bodyJson: '{not json' }, 'body is not a valid document'],
      [{ bodyJson: JSON.stringify([{ type: 'video', src: 'x' }]) }, 'body[0].type is not a known element type'],
      [{ bodyJson: JSON.stringify([{ type: 'paragraph', content: [{ type: 'link', text: 'x', href: 'javascript:alert(1)' }] }]) }, 'scheme that is not allowed'],
      [{ bodyJson: JSON.stringify([{ type: 'paragraph', content: [{ type: 'profile', text: 'Nobody', profileId: 999_999 }] }]) }, 'profile 999999 does not exist', 404],
      [{ leadMediaId: '999999' }, 'media item 999999 does not exist', 404],
      [{ leadMediaId: 'abc' }, 'leadMediaId must be a positive whole number'],
      [{ 'tag-999999': '1' }, 'tag 999999 is not a topic of this service', 404],
    ];
    for (const [overrides, message, status = 400] of cases) {
      const response = await post(`/newsroom/stories/${id}`, fields(overrides));
      expect(response.statusCode, message).toBe(status);
      expect(response.body, message).toContain(message);
      expect(response.body).toContain('role="alert"');
    }
    expect(await stored(id)).toEqual(before);
  });

  it('refuses a wrong CSRF token, a signed-out session and an unknown story, changing nothing', async () => {
    const id = await draft();
    const before = await stored(id);
    expect((await post(`/newsroom/stories/${id}`, fields(), editor, 'wrong-token')).statusCode).toBe(403);
    expect((await post(`/newsroom/stories/${id}/notes`, { kind: 'update', text: 'x' }, editor, null)).statusCode).toBe(403);
    const expired = await signInAs(t, 'editor@example.org');
    await signOut(t.actions, decodeURIComponent(expired.cookie.split('=')[1] ?? ''));
    const afterSignOut = await post(`/newsroom/stories/${id}/unpublish`, {}, expired);
    expect(afterSignOut.statusCode).toBe(303);
    expect(afterSignOut.headers.location).toBe('/newsroom/sign-in');
    expect(await stored(id)).toEqual(before);
    expect((await get('/newsroom/stories/999999/revisions')).statusCode).toBe(404);
    expect((await get('/newsroom/stories/999999/preview')).statusCode).toBe(404);
    expect((await post('/newsroom/stories/999999/notes', { kind: 'update', text: 'x' })).statusCode).toBe(404);
  });

  it('schedules for a date and time in UTC, refusing a past or malformed time', async () => {
    const id = await draft();
    const future = new Date(t.actions.clock.now().getTime() + 48 * 3600_000);
    const date = future.toISOString().slice(0, 10);
    for (const bad of [{ date, time: '25:99' }, { date: 'tomorrow', time: '10:00' }, { date: '2001-01-01', time: '10:00' }, { date }]) {
      const response = await post(`/newsroom/stories/${id}/publish`, bad as Record<string, string>);
      expect(response.statusCode, JSON.stringify(bad)).toBe(400);
      expect((await stored(id)).status).toBe('draft');
    }
    expect((await post(`/newsroom/stories/${id}/publish`, { date, time: '09:30' })).statusCode).toBe(303);
    const story = await stored(id);
    expect(story.status).toBe('scheduled');
    expect(story.publishedAt?.toISOString()).toBe(`${date}T09:30:00.000Z`);
  });

  it('unpublishes, adds notes and corrections, closes and reopens comments', async () => {
    const id = await draft();
    await publishStory(t.actions, SYSTEM, id);
    expect((await post(`/newsroom/stories/${id}/notes`, { kind: 'correction', text: '' })).statusCode).toBe(400);
    expect((await post(`/newsroom/stories/${id}/notes`, { kind: 'rumour', text: 'x' })).statusCode).toBe(400);
    expect((await post(`/newsroom/stories/${id}/notes`, { kind: 'correction', text: 'x'.repeat(2001) })).statusCode).toBe(400);
    expect((await stored(id)).notes).toEqual([]);
    expect((await post(`/newsroom/stories/${id}/notes`, { kind: 'correction', text: 'An earlier version misspelt a name.' })).statusCode).toBe(303);
    expect((await stored(id)).notes.map((n) => n.text)).toEqual(['An earlier version misspelt a name.']);

    expect((await post(`/newsroom/stories/${id}/comments-state`, { state: 'ajar' })).statusCode).toBe(400);
    expect((await post(`/newsroom/stories/${id}/comments-state`, { state: 'closed' })).statusCode).toBe(303);
    expect((await stored(id)).commentsState).toBe('closed');
    const page = await get(`/newsroom/stories/${id}`);
    expect(page.body).toContain('Reopen comments');
    // Saving the form keeps the comments closed.
    expect((await post(`/newsroom/stories/${id}`, fields({ version: String((await stored(id)).version) }))).statusCode).toBe(303);
    expect((await stored(id)).commentsState).toBe('closed');

    expect((await post(`/newsroom/stories/${id}/unpublish`, {})).statusCode).toBe(303);
    expect((await stored(id)).status).toBe('unpublished');
    expect((await post(`/newsroom/stories/${id}/unpublish`, {})).statusCode).toBe(409);
  });

  it('lists revisions, shows a readable diff of any two, and restores one as a new save', async () => {
    const id = await draft({ headline: 'First Headline' });
    expect((await post(`/newsroom/stories/${id}`, fields({ headline: 'Second Headline' }))).statusCode).toBe(303);
    const revisions = (await t.store.read.revisions.list(id, 10, 0)).items;
    const [second, first] = revisions;
    const list = await get(`/newsroom/stories/${id}/revisions`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('First Headline');
    expect(list.body).toContain('Second Headline');

    const diff = await get(`/newsroom/stories/${id}/revisions/diff?from=${first!.id}&to=${second!.id}`);
    expect(diff.statusCode).toBe(200);
    expect(diff.body).toContain('<strong>headline</strong>: <del>First Headline</del> → <ins>Second Headline</ins>');
    expect(diff.body).toContain('What They Said');
    expect((await get(`/newsroom/stories/${id}/revisions/diff?from=abc&to=1`)).statusCode).toBe(400);
    expect((await get(`/newsroom/stories/${id}/revisions/diff?from=${first!.id}&to=999999`)).statusCode).toBe(404);

    // A restore based on a stale version is refused and changes nothing.
    expect((await post(`/newsroom/stories/${id}/revisions/${first!.id}/restore`, { version: '1' })).statusCode).toBe(409);
    expect((await stored(id)).headline).toBe('Second Headline');
    expect((await post(`/newsroom/stories/${id}/revisions/${first!.id}/restore`, { version: '2' })).statusCode).toBe(303);
    expect(await stored(id)).toMatchObject({ headline: 'First Headline', version: 3 });
  });

  it('previews a draft as the reader page: uncached, not indexed, for the newsroom only', async () => {
    const id = await draft({ headline: 'Embargoed Budget Story', body: RICH_BODY.concat([{ type: 'paragraph', content: [{ type: 'profile', text: 'Otunbaeva', profileId }] } as never]) });
    const saved = await get(`/newsroom/stories/${id}/preview`);
    expect(saved.statusCode).toBe(200);
    expect(saved.headers['cache-control']).toBe('no-store');
    expect(saved.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(saved.body).toContain('<h1 id="story-headline">Embargoed Budget Story</h1>');
    expect(saved.body).toContain('We lost everything.');
    expect(saved.body).toMatch(/<a class="profile-link" href="\/en\/p\/roza-otunbaeva\/\d+">Otunbaeva<\/a>/);

    const unsaved = await post(`/newsroom/stories/${id}/preview`, fields({ headline: 'Not Saved Yet' }));
    expect(unsaved.statusCode).toBe(200);
    expect(unsaved.body).toContain('<h1 id="story-headline">Not Saved Yet</h1>');
    expect((await stored(id)).headline).toBe('Embargoed Budget Story');
    expect((await post(`/newsroom/stories/${id}/preview`, fields({ bodyJson: '[{"type":"nope"}]' }))).statusCode).toBe(400);

    // Readers never see it; an editor of another service may not preview it.
    const story = await stored(id);
    expect((await t.app.inject({ method: 'GET', url: `/en/a/${story.slug}/${id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/newsroom/stories/${id}/preview` })).statusCode).toBe(303);
    const ru = await signInAs(t, 'editor-ru@example.org');
    expect((await get(`/newsroom/stories/${id}/preview`, ru)).statusCode).toBe(403);
  });
});
