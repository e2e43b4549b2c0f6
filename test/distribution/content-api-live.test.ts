import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysFor } from '../../src/web/cache/page-cache.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { contentApiKey, CONTENT_API } from '../support/content-api.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenPublishedStory, givenService } from '../support/factories.js';
import { givenMediaItem } from '../support/media.js';
import { API, givenUser } from '../support/newsroom.js';

const text = (words: string) => [{ type: 'paragraph', content: [{ type: 'text', text: words }] }];

interface Entry {
  id: number;
  url: string;
  pinned: boolean;
  keyEvent: boolean;
  postedAt: string;
  updatedAt: string | null;
  body: { type: string; content?: { text: string; marks?: string[] }[]; mediaId?: number }[];
}
interface EntryPage {
  story: number;
  live: { state: string; since: string | null; entryCount: number; entries: string } | null;
  items: Entry[];
  page: number;
  next: number | null;
  media: { id: number; title: string }[];
  profiles: unknown[];
}

describe.each(STORE_KINDS)('live entries in the Content API on %s', (kind) => {
  let t: TestApp;
  let key: string;
  let editor: Awaited<ReturnType<typeof givenUser>>;
  let storyId: number;

  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions);
    key = await contentApiKey(t);
    editor = await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }]);
    storyId = await givenPublishedStory(t.actions, { headline: 'Election Night', slug: 'election-night' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `${CONTENT_API}${url}`, headers: { authorization: `Bearer ${key}`, ...headers } });
  const admin = (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `${API}${url}`, headers: editor.bearer, ...(payload ? { payload } : {}) });

  it('a story never covered live says live: null and has no entries', async () => {
    const story = await get(`/stories/${storyId}`);
    expect(story.statusCode, story.body).toBe(200);
    expect(story.json()).toMatchObject({ id: storyId, live: null });
    const entries = (await get(`/stories/${storyId}/live/entries`)).json<EntryPage>();
    expect(entries).toMatchObject({ story: storyId, live: null, items: [], page: 1, next: null });
  });

  it('carries a live story’s state and its entries, pinned first then newest, with flags, times, body and media', async () => {
    expect((await admin('PUT', `/stories/${storyId}/live`, { live: true })).statusCode).toBe(200);
    const since = t.clock.now().toISOString();
    const video = await givenMediaItem(t.actions, { title: 'Count hall footage' });
    t.clock.advance(60_000);
    const first = await admin('POST', `/stories/${storyId}/live/entries`, { body: text('Polls close.'), keyEvent: true });
    expect(first.statusCode).toBe(201);
    t.clock.advance(60_000);
    const withMedia = await admin('POST', `/stories/${storyId}/live/entries`, {
      body: [{ type: 'paragraph', content: [{ type: 'text', text: 'Counting starts', marks: ['bold'] }] }, { type: 'media', mediaId: video.id }],
    });
    expect(withMedia.statusCode).toBe(201);
    t.clock.advance(60_000);
    expect((await admin('POST', `/stories/${storyId}/live/entries`, { body: text('How to read the results.'), pinned: true })).statusCode).toBe(201);

    const story = (await get(`/stories/${storyId}`)).json<{ live: EntryPage['live'] }>();
    expect(story.live).toEqual({ state: 'live', since, entryCount: 3, entries: expect.stringMatching(new RegExp(`/api/content/v1/stories/${storyId}/live/entries$`)) });
    const listed = (await get('/stories?service=en')).json<{ items: { id: number; live: unknown }[] }>();
    expect(listed.items.find((s) => s.id === storyId)?.live).toEqual(story.live);

    const response = await get(`/stories/${storyId}/live/entries`);
    expect(response.statusCode).toBe(200);
    const page = response.json<EntryPage>();
    expect(page.items.map((e) => e.body[0]?.content?.[0]?.text)).toEqual(['How to read the results.', 'Counting starts', 'Polls close.']);
    expect(page.items.map((e) => [e.pinned, e.keyEvent])).toEqual([
      [true, false],
      [false, false],
      [false, true],
    ]);
    const counting = page.items[1]!;
    expect(counting.body).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Counting starts', marks: ['bold'] }] },
      { type: 'media', mediaId: video.id },
    ]);
    expect(counting.url).toMatch(new RegExp(`/en/a/election-night/${storyId}#entry-${counting.id}$`));
    expect(counting.updatedAt).toBeNull();
    expect(new Date(counting.postedAt).getTime()).toBeLessThan(new Date(page.items[0]!.postedAt).getTime());
    expect(page.media.map((m) => m.title)).toEqual(['Count hall footage']);
    // Nothing of the newsroom leaves: no author accounts, no versions.
    expect(response.body).not.toContain('authorId');
    expect(response.body).not.toContain('"version"');
    expect(String(response.headers['surrogate-key']).split(' ')).toEqual(expect.arrayContaining([`story-${storyId}`, `media-${video.id}`]));
  });

  it('pages a long story twenty entries at a time', async () => {
    for (let i = 0; i < 20; i++) {
      t.clock.advance(1_000);
      expect((await admin('POST', `/stories/${storyId}/live/entries`, { body: text(`Update ${i}`) })).statusCode).toBe(201);
    }
    const first = (await get(`/stories/${storyId}/live/entries`)).json<EntryPage>();
    expect(first.items).toHaveLength(20);
    expect(first.next).toBe(2);
    const second = (await get(`/stories/${storyId}/live/entries?page=2`)).json<EntryPage>();
    expect(second.next).toBeNull();
    expect(second.items.map((e) => e.body[0]?.content?.[0]?.text)).toEqual(['Update 0', 'Counting starts', 'Polls close.']);
    const ids = [...first.items, ...second.items].map((e) => e.id);
    expect(new Set(ids).size).toBe(23);
    expect((await get(`/stories/${storyId}/live/entries?page=3`)).json<EntryPage>()).toMatchObject({ items: [], next: null });
  });

  it('an edit or deletion of an entry changes the answer, and the event purges the keys it carries', async () => {
    const before = await get(`/stories/${storyId}/live/entries?page=2`);
    const etag = String(before.headers.etag);
    expect((await get(`/stories/${storyId}/live/entries?page=2`, { 'if-none-match': etag })).statusCode).toBe(304);
    const polls = before.json<EntryPage>().items.find((e) => e.body[0]?.content?.[0]?.text === 'Polls close.')!;
    // What the write emits makes stale a key this answer carries (the page cache and a CDN purge by it).
    const purged = keysFor({ type: 'live.changed', storyId, serviceCode: 'en', entryId: polls.id });
    expect(String(before.headers['surrogate-key']).split(' ')).toEqual(expect.arrayContaining(purged));

    t.clock.advance(60_000);
    const edited = await admin('PUT', `/stories/${storyId}/live/entries/${polls.id}`, { body: text('Polls closed at 8 pm.'), keyEvent: true, version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    const after = await get(`/stories/${storyId}/live/entries?page=2`, { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    const changed = after.json<EntryPage>().items.find((e) => e.id === polls.id)!;
    expect(changed.body[0]?.content?.[0]?.text).toBe('Polls closed at 8 pm.');
    expect(changed.updatedAt).toBe(t.clock.now().toISOString());

    expect((await admin('DELETE', `/stories/${storyId}/live/entries/${polls.id}`)).statusCode).toBe(200);
    const gone = (await get(`/stories/${storyId}/live/entries?page=2`)).json<EntryPage>();
    expect(gone.items.map((e) => e.id)).not.toContain(polls.id);
    expect(gone.live?.entryCount).toBe(22);
  });

  it('a story whose entries changed is listed by updated_since', async () => {
    const since = new Date(t.clock.now().getTime() + 1_000).toISOString();
    const listed = async () => (await get(`/stories?service=en&updated_since=${since}`)).json<{ items: { id: number }[] }>().items.map((s) => s.id);
    expect(await listed()).not.toContain(storyId);
    t.clock.advance(60_000);
    expect((await admin('POST', `/stories/${storyId}/live/entries`, { body: text('Recount requested.') })).statusCode).toBe(201);
    expect(await listed()).toContain(storyId);
  });

  it('after the coverage ends the entries stay, marked ended', async () => {
    expect((await admin('PUT', `/stories/${storyId}/live`, { live: false })).statusCode).toBe(200);
    const story = (await get(`/stories/${storyId}`)).json<{ live: EntryPage['live'] }>();
    expect(story.live).toMatchObject({ state: 'ended', since: null, entryCount: 23 });
    expect((await get(`/stories/${storyId}/live/entries`)).json<EntryPage>().items).toHaveLength(20);
  });

  it('refuses an unknown story, a bad page and an unknown field with a clear 4xx', async () => {
    const unknown = await get('/stories/999999/live/entries');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'STORY_NOT_FOUND' } });
    for (const query of ['page=0', 'page=abc', 'page=10001', 'limit=5']) {
      const bad = await get(`/stories/${storyId}/live/entries?${query}`);
      expect(bad.statusCode, query).toBe(400);
    }
  });

  it('describes the entries in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: `${CONTENT_API}/openapi.json` })).json<{ paths: Record<string, { get: { responses: Record<string, unknown> } }> }>();
    expect(doc.paths['/stories/{id}/live/entries']?.get.responses).toHaveProperty('200');
    expect(JSON.stringify(doc.paths['/stories/{id}']?.get.responses['200'])).toContain('entryCount');
  });
});
