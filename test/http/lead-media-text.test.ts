import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory } from '../../src/actions/stories/create-story.js';
import { publishStory } from '../../src/actions/stories/publish-story.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { contentApiKey, CONTENT_API } from '../support/content-api.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenService, storyInput, SYSTEM } from '../support/factories.js';
import { givenMediaItem } from '../support/media.js';
import { API, givenUser } from '../support/newsroom.js';

type Headers = Record<string, string>;

describe.each(STORE_KINDS)("a story's own caption and credit for its lead media on %s", (kind) => {
  let t: TestApp;
  let editor: { id: number; bearer: Headers };
  let key: string;

  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions, 'en');
    editor = await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }]);
    key = await contentApiKey(t);
  });
  afterAll(async () => t.close());

  const photo = () => givenMediaItem(t.actions, { kind: 'image', title: 'The square', caption: 'Library caption of the square', credit: 'Library Photographer' });
  const postForm = (id: number, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: `/newsroom/stories/${id}`,
      headers: { ...editor.bearer, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
  const formFields = (slug: string, leadMediaId: number, overrides: Record<string, string> = {}) => ({
    version: '1',
    serviceCode: 'en',
    headline: 'Crowds Fill The Square',
    slug,
    bodyJson: JSON.stringify([{ type: 'paragraph', content: [{ type: 'text', text: 'Thousands came.' }] }]),
    leadMediaId: String(leadMediaId),
    ...overrides,
  });
  const reader = async (id: number, slug: string) => (await t.app.inject({ method: 'GET', url: `/en/a/${slug}/${id}` })).body;
  const feed = async () => (await t.app.inject({ method: 'GET', url: '/en/feed.rss' })).body;
  const contentStory = async (id: number) =>
    (await t.app.inject({ method: 'GET', url: `${CONTENT_API}/stories/${id}`, headers: { authorization: `Bearer ${key}` } })).json();
  const adminStory = async (id: number) => (await t.app.inject({ method: 'GET', url: `${API}/stories/${id}`, headers: editor.bearer })).json();
  const publish = (id: number) => publishStory(t.actions, SYSTEM, id, { at: new Date(t.actions.clock.now().getTime() - 60_000) });

  it('saves from the plain form and shows the override on the reader page, in feeds, the Content API and structured data', async () => {
    const media = await photo();
    const id = await createStory(t.actions, SYSTEM, storyInput({ slug: 'crowds-own' }));
    const saved = await postForm(id, formFields('crowds-own', media.id, { leadMediaCaption: '  Crowds at noon, seen from the roof  ', leadMediaCredit: 'Story Photographer' }));
    expect(saved.statusCode).toBe(303);
    expect(await t.store.read.stories.findById(id)).toMatchObject({ leadMediaCaption: 'Crowds at noon, seen from the roof', leadMediaCredit: 'Story Photographer' });

    // The form shows them again, with what an empty field would mean.
    const form = (await t.app.inject({ method: 'GET', url: `/newsroom/stories/${id}`, headers: editor.bearer })).body;
    expect(form).toMatch(/<textarea id="leadMediaCaption" name="leadMediaCaption"[^>]*>Crowds at noon, seen from the roof<\/textarea>/);
    expect(form).toMatch(/<input id="leadMediaCredit" name="leadMediaCredit"[^>]*value="Story Photographer"/);
    expect(form).toContain('Its caption: “Library caption of the square”.');

    await publish(id);
    const page = await reader(id, 'crowds-own');
    expect(page).toMatch(/<figcaption>Crowds at noon, seen from the roof <span class="credit">\(photo: Story Photographer\)<\/span><\/figcaption>/);
    expect(page).not.toContain('Library caption of the square');
    expect(page).not.toContain('Library Photographer');
    expect(page).toContain('"caption":"Crowds at noon, seen from the roof"');
    expect(page).toContain('"creditText":"Story Photographer"');

    const rss = await feed();
    expect(rss).toContain('<media:description>Crowds at noon, seen from the roof</media:description>');
    expect(rss).toContain('<media:credit role="author" scheme="urn:ebu">Story Photographer</media:credit>');
    expect(rss).not.toContain('Library Photographer');

    expect(await contentStory(id)).toMatchObject({ leadMediaId: media.id, leadMediaCaption: 'Crowds at noon, seen from the roof', leadMediaCredit: 'Story Photographer' });
  });

  it("falls back to the media item's own caption and credit when the story's are empty", async () => {
    const media = await photo();
    const id = await createStory(t.actions, SYSTEM, storyInput({ slug: 'crowds-default' }));
    expect((await postForm(id, formFields('crowds-default', media.id, { leadMediaCaption: '   ', leadMediaCredit: '' }))).statusCode).toBe(303);
    expect(await t.store.read.stories.findById(id)).toMatchObject({ leadMediaCaption: null, leadMediaCredit: null });
    await publish(id);
    expect(await reader(id, 'crowds-default')).toMatch(/<figcaption>Library caption of the square <span class="credit">\(photo: Library Photographer\)<\/span><\/figcaption>/);
    expect(await contentStory(id)).toMatchObject({ leadMediaCaption: 'Library caption of the square', leadMediaCredit: 'Library Photographer' });
  });

  it('keeps the media item’s credit when the story re-words only the caption, for a video too', async () => {
    const video = await givenMediaItem(t.actions, { kind: 'video', caption: 'Library video caption', credit: 'Library Camera' });
    const id = await createStory(t.actions, SYSTEM, storyInput({ slug: 'crowds-video', leadMediaId: video.id, leadMediaCaption: 'The march, filmed by our reporter' }));
    await publish(id);
    const page = await reader(id, 'crowds-video');
    expect(page).toContain('The march, filmed by our reporter');
    expect(page).toContain('Library Camera');
    expect(page).not.toContain('Library video caption');
    // The embeddable player shows what the story shows.
    const embed = (await t.app.inject({ method: 'GET', url: `/embed/media/${video.id}` })).body;
    expect(embed).toContain('The march, filmed by our reporter');
    expect(embed).toContain('Library Camera');
    expect(embed).not.toContain('Library video caption');
    const sitemap = (await t.app.inject({ method: 'GET', url: '/en/sitemap-1.xml' })).body;
    expect(sitemap).toContain('<video:description>The march, filmed by our reporter</video:description>');
  });

  it('refuses a too-long caption on the same form, keeping what was typed and changing nothing', async () => {
    const media = await photo();
    const id = await createStory(t.actions, SYSTEM, storyInput({ slug: 'crowds-long', leadMediaId: media.id, leadMediaCaption: 'Kept caption' }));
    const before = await t.store.read.stories.findById(id);
    const long = `${'c'.repeat(2_000)}XYZ`;
    const response = await postForm(id, formFields('crowds-long', media.id, { headline: 'Typed Headline', leadMediaCaption: long, leadMediaCredit: 'Typed Credit' }));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('role="alert"');
    expect(response.body).toContain('the caption of the lead media must be at most 2000 characters (it has 2003)');
    expect(response.body).toContain(`>${long}</textarea>`);
    expect(response.body).toContain('value="Typed Credit"');
    expect(response.body).toContain('value="Typed Headline"');
    expect(await t.store.read.stories.findById(id)).toEqual(before);

    const tooLongCredit = await postForm(id, formFields('crowds-long', media.id, { leadMediaCredit: 'd'.repeat(201) }));
    expect(tooLongCredit.statusCode).toBe(400);
    expect(tooLongCredit.body).toContain('the credit of the lead media must be at most 200 characters');
    expect(await t.store.read.stories.findById(id)).toEqual(before);
  });

  it('saves through the Admin API; on a live story the override waits in the pending version until Update, and a restore brings it back', async () => {
    const media = await photo();
    const created = await t.app.inject({
      method: 'POST',
      url: `${API}/stories`,
      headers: editor.bearer,
      payload: storyInput({ slug: 'crowds-api', leadMediaId: media.id, leadMediaCaption: 'First own caption', leadMediaCredit: 'First Credit' }),
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    expect(created.json()).toMatchObject({ leadMediaCaption: 'First own caption', leadMediaCredit: 'First Credit' });
    await publish(id);

    const put = (overrides: Record<string, unknown>, version: number) =>
      t.app.inject({ method: 'PUT', url: `${API}/stories/${id}`, headers: editor.bearer, payload: { ...storyInput({ slug: 'crowds-api', leadMediaId: media.id, ...overrides }), version } });
    const tooLong = await put({ leadMediaCaption: 'x'.repeat(2_001) }, 1);
    expect(tooLong.statusCode).toBe(400);
    expect((await adminStory(id)).pending).toBeNull();

    const saved = await put({ leadMediaCaption: 'Second own caption', leadMediaCredit: null }, 1);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ leadMediaCaption: 'First own caption', leadMediaCredit: 'First Credit' });
    expect(saved.json().pending.story).toMatchObject({ leadMediaCaption: 'Second own caption', leadMediaCredit: null });
    expect(saved.json().pending.changes).toContainEqual({ kind: 'field', field: 'leadMediaCaption', before: 'First own caption', after: 'Second own caption' });
    expect(saved.json().pending.changes).toContainEqual({ kind: 'field', field: 'leadMediaCredit', before: 'First Credit', after: '' });
    expect(await reader(id, 'crowds-api')).toContain('First own caption');
    expect(await reader(id, 'crowds-api')).not.toContain('Second own caption');
    const editorPage = (await t.app.inject({ method: 'GET', url: `/newsroom/stories/${id}`, headers: editor.bearer })).body;
    expect(editorPage).toContain('<strong>leadMediaCaption</strong>: <del>First own caption</del> → <ins>Second own caption</ins>');
    expect(editorPage).toMatch(/<textarea id="leadMediaCaption" name="leadMediaCaption"[^>]*>Second own caption<\/textarea>/);

    expect((await t.app.inject({ method: 'POST', url: `${API}/stories/${id}/update`, headers: editor.bearer, payload: {} })).statusCode).toBe(200);
    const live = await reader(id, 'crowds-api');
    expect(live).toContain('Second own caption');
    expect(live).toContain('Library Photographer');
    expect(await contentStory(id)).toMatchObject({ leadMediaCaption: 'Second own caption', leadMediaCredit: 'Library Photographer' });

    // Restoring the first revision brings the first caption and credit back (as pending changes of the live story).
    const revisions = (await t.app.inject({ method: 'GET', url: `${API}/stories/${id}/revisions`, headers: editor.bearer })).json();
    const first = revisions.items[revisions.items.length - 1];
    const current = (await adminStory(id)).version;
    const restored = await t.app.inject({ method: 'POST', url: `${API}/stories/${id}/revisions/${first.id}/restore`, headers: editor.bearer, payload: { version: current } });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().pending.story).toMatchObject({ leadMediaCaption: 'First own caption', leadMediaCredit: 'First Credit' });
    expect((await t.app.inject({ method: 'POST', url: `${API}/stories/${id}/update`, headers: editor.bearer, payload: {} })).statusCode).toBe(200);
    expect(await reader(id, 'crowds-api')).toContain('First own caption');
  });
});
