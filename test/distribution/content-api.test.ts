import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory } from '../../src/actions/stories/create-story.js';
import { publishStory } from '../../src/actions/stories/publish-story.js';
import { unpublishStory } from '../../src/actions/stories/unpublish-story.js';
import { STORE_KINDS } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { contentApiKey, CONTENT_API } from '../support/content-api.js';
import { givenPublishedStory, storyInput, SYSTEM } from '../support/factories.js';
import { givenMediaItem } from '../support/media.js';
import { API, givenUser } from '../support/newsroom.js';

interface StoryJson {
  id: number;
  headline: string;
  url: string;
  body: unknown[];
  media: { id: number; renditions: { url: string }[] }[];
}
interface Page {
  items: StoryJson[];
  next: string | null;
}

describe.each(STORE_KINDS)('the Content API on %s', (kind) => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    key = await contentApiKey(t);
  });
  afterAll(async () => t.close());

  const get = (url: string, headers: Record<string, string> = {}, withKey = key) =>
    t.app.inject({ method: 'GET', url: `${CONTENT_API}${url}`, headers: { ...(withKey ? { authorization: `Bearer ${withKey}` } : {}), ...headers } });

  /** Every page of /stories, following `next`. */
  async function walk(query: string, between?: () => Promise<void>): Promise<StoryJson[]> {
    const seen: StoryJson[] = [];
    let url = `/stories?${query}`;
    for (let pages = 0; pages < 1000; pages++) {
      const response = await get(url);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<Page>();
      seen.push(...page.items);
      if (!page.next) return seen;
      url = `/stories?${query}&cursor=${page.next}`;
      await between?.();
    }
    throw new Error('too many pages');
  }

  it('refuses anonymous, unknown and revoked keys, and lets only admins issue them', async () => {
    const anonymous = await get('/stories', {}, '');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: { code: 'API_KEY_REQUIRED' } });
    expect((await get('/stories', {}, 'dlc_not-a-key')).json()).toMatchObject({ error: { code: 'API_KEY_INVALID' } });

    const admin = await givenUser(t.actions, 'keyadmin', [{ role: 'admin', serviceCode: null }]);
    const editor = await givenUser(t.actions, 'keyeditor', [{ role: 'editor', serviceCode: 'en' }]);
    const refused = await t.app.inject({ method: 'POST', url: `${API}/content-api-keys`, headers: editor.bearer, payload: { name: 'Sneaky' } });
    expect(refused.statusCode).toBe(403);
    const issued = await t.app.inject({ method: 'POST', url: `${API}/content-api-keys`, headers: admin.bearer, payload: { name: 'Partner site' } });
    expect(issued.statusCode).toBe(201);
    const { key: partnerKey, apiKey } = issued.json<{ key: string; apiKey: { id: number; prefix: string } }>();
    expect(partnerKey.startsWith(apiKey.prefix)).toBe(true);
    expect((await get('/services', {}, partnerKey)).statusCode).toBe(200);
    const listed = await t.app.inject({ method: 'GET', url: `${API}/content-api-keys`, headers: admin.bearer });
    expect(listed.body).not.toContain(partnerKey);
    const revoked = await t.app.inject({ method: 'POST', url: `${API}/content-api-keys/${apiKey.id}/revoke`, headers: admin.bearer });
    expect(revoked.json()).toMatchObject({ revokedAt: expect.any(String) });
    const after = await get('/services', {}, partnerKey);
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ error: { code: 'API_KEY_INVALID' } });
  });

  it('never shows a draft, an embargoed or a withdrawn story, or their media, on any endpoint', async () => {
    const secretMedia = await givenMediaItem(t.actions, { title: 'Secret footage' });
    const draft = await createStory(t.actions, SYSTEM, storyInput({ headline: 'SECRET draft headline', leadMediaId: secretMedia.id }));
    const embargoed = await createStory(t.actions, SYSTEM, storyInput({ headline: 'SECRET embargoed headline' }));
    await publishStory(t.actions, SYSTEM, embargoed, { at: new Date(t.clock.now().getTime() + 3_600_000) });
    const withdrawn = await givenPublishedStory(t.actions, { headline: 'SECRET withdrawn headline' });
    await unpublishStory(t.actions, SYSTEM, withdrawn);
    const hidden = [draft, embargoed, withdrawn];

    const bodies: string[] = [];
    const services = (await get('/services')).json<{ items: { code: string; sections: { slug: string }[] }[] }>();
    bodies.push(JSON.stringify(services));
    for (const service of services.items) {
      bodies.push((await get(`/services/${service.code}/tags`)).body);
      const stories = await walk(`service=${service.code}&limit=7`);
      bodies.push(JSON.stringify(stories));
      for (const section of service.sections) bodies.push(JSON.stringify(await walk(`service=${service.code}&section=${section.slug}`)));
    }
    const all = await walk('limit=100');
    bodies.push(JSON.stringify(await walk('updated_since=2000-01-01T00:00:00Z')));
    for (const story of all) {
      bodies.push((await get(`/stories/${story.id}`)).body);
      for (const media of story.media) bodies.push((await get(`/media/${media.id}`)).body);
    }
    for (let id = 1; id <= 20; id++) bodies.push((await get(`/profiles/${id}`)).body);
    for (const id of hidden) {
      const response = await get(`/stories/${id}`);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: { code: 'STORY_NOT_FOUND' } });
    }
    expect((await get(`/media/${secretMedia.id}`)).statusCode).toBe(404);
    const everything = bodies.join('\n');
    expect(everything).not.toContain('SECRET');
    expect(everything).not.toContain('Secret footage');
    expect(everything).not.toContain('@example.org');
    expect(all.map((s) => s.id)).not.toEqual(expect.arrayContaining([draft]));
    expect(all.length).toBeGreaterThan(5);
  });

  it('visits every published story exactly once while stories are being published', async () => {
    for (let i = 0; i < 12; i++) await givenPublishedStory(t.actions, { headline: `Walk ${i}` }, 200 + (i % 4));
    const before = (await walk('limit=100')).map((s) => s.id);
    let added = 0;
    const visited = (
      await walk('limit=3', async () => {
        // A story published between two pages, now and then with the same second as another.
        await givenPublishedStory(t.actions, { headline: `Published during the walk ${added++}` }, 0);
      })
    ).map((s) => s.id);
    expect(added).toBeGreaterThan(5);
    expect(new Set(visited).size).toBe(visited.length);
    expect([...visited].sort((a, b) => a - b)).toEqual([...before].sort((a, b) => a - b));
  });

  it('filters by service, section, tag and updated_since, with the structured body', async () => {
    const asia = await walk('service=en&section=asia');
    expect(asia.length).toBeGreaterThan(0);
    const reference = asia.find((s) => s.id === 1)!;
    expect(reference.body[0]).toMatchObject({ type: 'paragraph' });
    expect(reference.media[0]?.renditions[0]?.url).toMatch(/^http:\/\/localhost:3000\/media\//);
    const tagged = await walk('service=en&tag=kyrgyzstan');
    expect(tagged.map((s) => s.id)).toContain(1);
    t.clock.advance(1000);
    const since = t.clock.now().toISOString();
    const fresh = await givenPublishedStory(t.actions, { headline: 'After the mark' }, 0);
    expect((await walk(`updated_since=${since}`)).map((s) => s.id)).toEqual([fresh]);
    // Slugs of every script, combining marks included (Devanagari vowel signs), as the domain allows them.
    const tag = await t.store.transaction(async (repos) => repos.services.insertTag({ serviceCode: 'en', slug: 'समाचार', name: 'समाचार' }));
    const marked = await givenPublishedStory(t.actions, { headline: 'Tagged in Hindi', tagIds: [tag.id] });
    expect((await walk(`service=en&tag=${encodeURIComponent('समाचार')}`)).map((s) => s.id)).toEqual([marked]);
    const malformed = await get('/stories?service=en&tag=a--b');
    expect([malformed.statusCode, malformed.json()]).toMatchObject([400, { error: { field: 'tag' } }]);
    expect((await get('/stories?section=asia')).json()).toMatchObject({ error: { code: 'FIELD_INVALID', field: 'section' } });
    expect((await get('/stories?service=en&section=nowhere')).statusCode).toBe(404);
    expect((await get('/stories?colour=red')).json()).toMatchObject({ error: { code: 'FIELD_UNKNOWN', field: 'colour' } });
    expect((await get('/stories?cursor=bm9wZQ')).json()).toMatchObject({ error: { code: 'CURSOR_INVALID' } });
    expect((await get('/stories?limit=1000')).statusCode).toBe(400);
    expect((await get('/stories?updated_since=yesterday')).statusCode).toBe(400);
  });

  it('answers with CORS, an ETag, 304 and surrogate keys, and limits each key', async () => {
    const first = await get('/stories/1', { origin: 'https://partner.example' });
    expect(first.headers['access-control-allow-origin']).toBe('*');
    expect(first.headers['surrogate-key']).toContain('story-1');
    const etag = String(first.headers.etag);
    expect((await get('/stories/1', { 'if-none-match': etag })).statusCode).toBe(304);
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: `${CONTENT_API}/stories`,
      headers: { origin: 'https://partner.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(String(preflight.headers['access-control-allow-headers'])).toContain('authorization');

    const slow = await contentApiKey(t, 3);
    for (let i = 0; i < 3; i++) expect((await get('/services', {}, slow)).statusCode).toBe(200);
    const limited = await get('/services', {}, slow);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
  });

  it('describes itself in an OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: `${CONTENT_API}/openapi.json` })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths).sort()).toEqual(['/media/{id}', '/profiles/{id}', '/services', '/services/{code}/tags', '/stories', '/stories/{id}', '/stories/{id}/live/entries']);
  });
});
