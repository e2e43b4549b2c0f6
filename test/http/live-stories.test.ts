import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_ENTRIES_PER_PAGE } from '../../src/domain/story/live-entry.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenPublishedStory, givenService } from '../support/factories.js';
import { API, givenUser } from '../support/newsroom.js';

const text = (words: string) => [{ type: 'paragraph', content: [{ type: 'text', text: words }] }];

describe.each(STORE_KINDS)('live stories on %s', (kind) => {
  let t: TestApp;
  let editor: Awaited<ReturnType<typeof givenUser>>;
  let reporter: Awaited<ReturnType<typeof givenUser>>;
  let storyId: number;
  let page: string;

  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions);
    editor = await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }]);
    reporter = await givenUser(t.actions, 'reporter', [{ role: 'reporter', serviceCode: 'en' }]);
    storyId = await givenPublishedStory(t.actions, { headline: 'Election Night', slug: 'election-night' });
    page = `/en/a/election-night/${storyId}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (id: number, payload: object, who = editor) =>
    t.app.inject({ method: 'POST', url: `${API}/stories/${id}/live/entries`, headers: who.bearer, payload });
  const entriesOf = async (id: number) => (await t.app.inject({ method: 'GET', url: `${API}/stories/${id}/live/entries`, headers: editor.bearer })).json();

  it('refuses an entry on a story that is not live, with a clear 409, and stores nothing', async () => {
    const refused = await post(storyId, { body: text('Polls close.') });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'STORY_NOT_COVERED_LIVE' } });
    expect(await t.store.read.liveEntries.count(storyId)).toBe(0);
    expect((await t.app.inject(page)).body).not.toContain('Live updates');
  });

  it('an editor turns the story live; a reporter may not', async () => {
    const refused = await t.app.inject({ method: 'PUT', url: `${API}/stories/${storyId}/live`, headers: reporter.bearer, payload: { live: true } });
    expect(refused.statusCode).toBe(403);
    expect(await t.store.read.liveEntries.liveSince(storyId)).toBeNull();
    const turned = await t.app.inject({ method: 'PUT', url: `${API}/stories/${storyId}/live`, headers: editor.bearer, payload: { live: true } });
    expect(turned.statusCode).toBe(200);
    expect(turned.json()).toEqual({ liveSince: t.clock.now().toISOString() });
  });

  it('entries appear on the story page newest first, pinned ones on top, key events listed', async () => {
    for (const [i, words] of ['Polls close.', 'First results in.', 'Turnout at 61%.'].entries()) {
      t.clock.advance(60_000);
      const posted = await post(storyId, { body: text(words), keyEvent: i === 1 });
      expect(posted.statusCode).toBe(201);
    }
    t.clock.advance(60_000);
    expect((await post(storyId, { body: text('How to read the results.'), pinned: true })).statusCode).toBe(201);

    const body = (await t.app.inject(page)).body;
    expect(body).toContain('Live updates');
    const order = ['How to read the results.', 'Turnout at 61%.', 'First results in.', 'Polls close.'].map((words) => body.lastIndexOf(words));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const keyEvents = body.slice(body.indexOf('Key events'), body.indexOf('class="live-entries"'));
    expect(keyEvents).toContain('First results in.');
    expect(keyEvents).not.toContain('Polls close.');
  });

  it('a live story shows its coverage before the first entry; ended with every entry deleted, the page is an ordinary story again', async () => {
    const id = await givenPublishedStory(t.actions, { headline: 'Quiet Night', slug: 'quiet-night' });
    const reader = async () => (await t.app.inject(`/en/a/quiet-night/${id}`)).body;
    const setLive = (live: boolean) => t.app.inject({ method: 'PUT', url: `${API}/stories/${id}/live`, headers: editor.bearer, payload: { live } });
    expect(await reader()).not.toContain('Live updates');
    expect((await setLive(true)).statusCode).toBe(200);
    expect(await reader()).toContain('Live updates');
    const posted = await post(id, { body: text('Nothing to report.') });
    expect(posted.statusCode).toBe(201);
    const entryId = (posted.json() as { id: number }).id;
    expect((await t.app.inject({ method: 'DELETE', url: `${API}/stories/${id}/live/entries/${entryId}`, headers: editor.bearer })).statusCode).toBe(200);
    expect((await setLive(false)).statusCode).toBe(200);
    const page = await reader();
    expect(page).not.toContain('Live updates');
    expect(page).not.toContain('Nothing to report.');
  });

  it('carries its entries in the service feeds, and a new entry shows in a feed that was cached', async () => {
    const feed = async () => (await t.app.inject('/en/feed.json')).json() as { items: { url: string; content_html: string; date_modified: string }[] };
    const item = (await feed()).items.find((candidate) => candidate.url.endsWith(page));
    expect(item?.content_html).toContain('Live updates');
    expect(item?.content_html).toContain('Turnout at 61%.');
    expect(item?.content_html).toMatch(/#entry-\d+/);
    const rss = (await t.app.inject('/en/feed.rss')).body;
    expect(rss).toContain('First results in.');

    t.clock.advance(60_000);
    expect((await post(storyId, { body: text('Recount requested.') })).statusCode).toBe(201);
    const fresh = (await feed()).items.find((candidate) => candidate.url.endsWith(page));
    expect(fresh?.content_html).toContain('Recount requested.');
    expect(Date.parse(fresh!.date_modified)).toBe(t.clock.now().getTime());
    // Bad input changes nothing: an entry on a story that is not live is refused, and no feed shows it.
    const other = await givenPublishedStory(t.actions, { headline: 'Budget Day', slug: 'budget-day' });
    expect((await post(other, { body: text('Should not appear.') })).statusCode).toBe(409);
    expect(JSON.stringify(await feed())).not.toContain('Should not appear.');
  });

  it('the newsroom turns a story live, posts, edits, pins, marks, deletes entries, and ends the coverage with plain forms', async () => {
    const id = await givenPublishedStory(t.actions, { headline: 'Storm Watch', slug: 'storm-watch' });
    const desk = `/newsroom/stories/${id}/live`;
    const form = (url: string, fields: Record<string, string>, who = editor) =>
      t.app.inject({ method: 'POST', url, headers: { ...who.bearer, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
    const reader = async () => (await t.app.inject(`/en/a/storm-watch/${id}`)).body;

    // Not live yet: an entry is refused with a 409 and nothing is stored.
    expect((await form(`${desk}/entries`, { text: 'Too early.' })).statusCode).toBe(409);
    expect(await t.store.read.liveEntries.count(id)).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: desk, headers: editor.bearer })).body).toContain('This story is not live');
    // A reporter may read the desk but not turn the story live.
    expect((await form(desk, { live: 'on' }, reporter)).statusCode).toBe(403);

    expect((await form(desk, { live: 'on' })).statusCode).toBe(303);
    t.clock.advance(60_000);
    expect((await form(`${desk}/entries`, { text: 'Winds reach 120 km/h.\n\n## Evacuations', keyEvent: 'on' })).statusCode).toBe(303);
    t.clock.advance(60_000);
    expect((await form(`${desk}/entries`, { text: 'Shelters open at schools.' })).statusCode).toBe(303);
    // An empty entry is shown again with its message, and stores nothing.
    const empty = await form(`${desk}/entries`, { text: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('class="form-error"');
    expect(await t.store.read.liveEntries.count(id)).toBe(2);
    let page = await reader();
    const entriesOfPage = (html: string) => html.slice(html.indexOf('class="live-entries"'));
    expect(entriesOfPage(page).indexOf('Shelters open at schools.')).toBeLessThan(entriesOfPage(page).indexOf('Winds reach 120 km/h.'));
    expect(page.slice(page.indexOf('Key events'), page.indexOf('class="live-entries"'))).toContain('Winds reach 120 km/h.');

    const [shelters, winds] = (await t.store.read.liveEntries.page(id, 10, 0)).map((entry) => entry.id);
    const editPage = await t.app.inject({ method: 'GET', url: `${desk}/entries/${winds}`, headers: editor.bearer });
    expect(editPage.statusCode).toBe(200);
    expect(editPage.body).toContain('Winds reach 120 km/h.');
    // Edit and pin the older entry: it goes to the top; a stale version is refused and changes nothing.
    expect((await form(`${desk}/entries/${winds}`, { text: 'Winds reach 140 km/h.', pinned: 'on', keyEvent: 'on', version: '1' })).statusCode).toBe(303);
    expect((await form(`${desk}/entries/${winds}`, { text: 'Stale edit.', version: '1' })).statusCode).toBe(409);
    page = await reader();
    expect(page).not.toContain('Stale edit.');
    expect(entriesOfPage(page).indexOf('Winds reach 140 km/h.')).toBeLessThan(entriesOfPage(page).indexOf('Shelters open at schools.'));

    expect((await form(`${desk}/entries/${shelters}/delete`, {})).statusCode).toBe(303);
    expect(await reader()).not.toContain('Shelters open at schools.');
    expect((await form(`${desk}/entries/${shelters}/delete`, {})).statusCode).toBe(404);
    expect((await form(`${desk}/entries/999999`, { text: 'x', version: '1' })).statusCode).toBe(404);

    expect((await form(desk, { live: 'off' })).statusCode).toBe(303);
    expect((await form(`${desk}/entries`, { text: 'After the end.' })).statusCode).toBe(409);
    // Ended, the coverage stays on the page for readers.
    page = await reader();
    expect(page).toContain('Winds reach 140 km/h.');
    expect(page).not.toContain('After the end.');
  });

  it('describes itself to search engines as a LiveBlogPosting with its entries as liveBlogUpdate, newest first', async () => {
    const body = (await t.app.inject(page)).body;
    const documents = [...body.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1]!) as Record<string, unknown>);
    const blog = documents.find((document) => document['@type'] === 'LiveBlogPosting') as
      | { coverageStartTime: string; liveBlogUpdate: { '@type': string; articleBody: string; datePublished: string; url: string }[] }
      | undefined;
    expect(blog).toBeDefined();
    expect(documents.some((document) => document['@type'] === 'NewsArticle')).toBe(false);
    expect(Date.parse(blog!.coverageStartTime)).not.toBeNaN();
    expect(blog!.liveBlogUpdate.map((update) => update.articleBody)).toEqual(['Recount requested.', 'How to read the results.', 'Turnout at 61%.', 'First results in.', 'Polls close.']);
    expect(blog!.liveBlogUpdate.every((update) => update['@type'] === 'BlogPosting' && /#entry-\d+$/.test(update.url))).toBe(true);
    // An ordinary story stays a NewsArticle.
    const other = await givenPublishedStory(t.actions, { headline: 'Quiet Day', slug: 'quiet-day' });
    const plain = (await t.app.inject(`/en/a/quiet-day/${other}`)).body;
    expect(plain).toContain('"@type":"NewsArticle"');
    expect(plain).not.toContain('LiveBlogPosting');
  });

  it('edits name the version they change and keep revisions; a deleted entry leaves the page', async () => {
    const list = await entriesOf(storyId);
    const entry = list.items.find((item: { body: { content: { text: string }[] }[] }) => item.body[0]?.content[0]?.text === 'Turnout at 61%.');
    const url = `${API}/stories/${storyId}/live/entries/${entry.id}`;
    const edited = await t.app.inject({ method: 'PUT', url, headers: editor.bearer, payload: { body: text('Turnout at 62%.'), version: 1 } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2 });
    const stale = await t.app.inject({ method: 'PUT', url, headers: editor.bearer, payload: { body: text('Turnout at 99%.'), version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'LIVE_ENTRY_VERSION_CONFLICT' } });
    expect((await t.app.inject(page)).body).toContain('Turnout at 62%.');

    expect((await t.app.inject({ method: 'DELETE', url, headers: editor.bearer })).statusCode).toBe(200);
    expect((await t.app.inject(page)).body).not.toContain('Turnout at 62%.');
    const revisions = await t.app.inject({ method: 'GET', url: `${url}/revisions`, headers: editor.bearer });
    expect(revisions.json().items.map((r: { kind: string; version: number }) => [r.kind, r.version])).toEqual([
      ['post', 1],
      ['edit', 2],
      ['delete', 2],
    ]);
    expect((await t.app.inject({ method: 'DELETE', url, headers: editor.bearer })).statusCode).toBe(404);
  });

  it('refuses bad entries with a 400 naming the field, and stores nothing', async () => {
    const before = await t.store.read.liveEntries.count(storyId);
    for (const [payload, field] of [
      [{ body: [] }, 'body'],
      [{ body: text('x'), pinned: 'yes' }, 'pinned'],
      [{ body: text('x'), colour: 'red' }, 'colour'],
      [{ body: [{ type: 'script' }] }, 'body[0].type'],
    ] as const) {
      const response = await post(storyId, payload);
      expect(response.statusCode, field).toBe(400);
      expect(response.json().error.field).toBe(field);
    }
    expect((await post(999_999, { body: text('x') })).statusCode).toBe(404);
    expect(await t.store.read.liveEntries.count(storyId)).toBe(before);
  });

  it('a long live story is paginated: the page holds one page of entries and links to the next', async () => {
    const id = await givenPublishedStory(t.actions, { headline: 'Long Night', slug: 'long-night' });
    await t.app.inject({ method: 'PUT', url: `${API}/stories/${id}/live`, headers: editor.bearer, payload: { live: true } });
    for (let i = 1; i <= LIVE_ENTRIES_PER_PAGE + 5; i++) {
      t.clock.advance(1_000);
      expect((await post(id, { body: text(`Entry number ${i}.`) })).statusCode).toBe(201);
    }
    const first = (await t.app.inject(`/en/a/long-night/${id}`)).body;
    expect(first.match(/class="live-entry"/g)).toHaveLength(LIVE_ENTRIES_PER_PAGE);
    expect(first).toContain(`Entry number ${LIVE_ENTRIES_PER_PAGE + 5}.`);
    expect(first).not.toContain('Entry number 5.');
    expect(first).toContain(`href="/en/a/long-night/${id}?page=2"`);
    const second = (await t.app.inject(`/en/a/long-night/${id}?page=2`)).body;
    expect(second.match(/class="live-entry"/g)).toHaveLength(5);
    expect(second).toContain('Entry number 1.');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.app.inject(`${API}/openapi.json`)).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/stories/{id}/live', '/stories/{id}/live/entries', '/stories/{id}/live/entries/{entryId}']));
  });
});
