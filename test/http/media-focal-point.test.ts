import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenPublishedStory, givenService } from '../support/factories.js';
import { givenMediaItem } from '../support/media.js';
import { givenUser, signInAs } from '../support/newsroom.js';

describe.each(STORE_KINDS)('a photo focal point, set in the newsroom and used by crops, on %s', (kind) => {
  let t: TestApp;
  let editor: Awaited<ReturnType<typeof signInAs>>;

  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions);
    await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
    editor = await signInAs(t, 'editor@example.org');
  });
  afterAll(async () => t.close());

  const post = (url: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: editor.csrfToken, ...fields }).toString(),
    });
  const stored = async (id: number) => (await t.store.read.media.findById(id))!;

  it('is saved from the media form and places the crop of story cards; bad values are refused on the form, changing nothing', async () => {
    const photo = await givenMediaItem(t.actions, { kind: 'image', title: 'Crowd at the gate' });
    const page = await t.app.inject({ method: 'GET', url: `/newsroom/media/${photo.id}`, headers: { cookie: editor.cookie } });
    expect(page.body).toContain('<legend>Focal point</legend>');

    const fields = { title: 'Crowd at the gate', caption: '', credit: 'Reuters', alt: 'A crowd' };
    expect((await post(`/newsroom/media/${photo.id}`, { ...fields, focalX: '0.3', focalY: '0.72' })).statusCode).toBe(303);
    expect((await stored(photo.id)).focalPoint).toEqual({ x: 0.3, y: 0.72 });

    await givenPublishedStory(t.actions, { headline: 'Crowds Gather', leadMediaId: photo.id });
    const home = (await t.app.inject({ method: 'GET', url: '/en/' })).body;
    expect(home).toMatch(/<img [^>]*class="focal fx-30 fy-70"/);

    const before = await stored(photo.id);
    for (const [x, y, field] of [
      ['1.5', '0.5', 'focalX'],
      ['0.5', '', 'focalY'],
      ['left', '0.5', 'focalX'],
    ] as const) {
      const refused = await post(`/newsroom/media/${photo.id}`, { ...fields, title: 'Changed title', focalX: x, focalY: y });
      expect(refused.statusCode, `${x},${y}`).toBe(400);
      expect(refused.body).toContain(`${field} must be a number from 0 to 1 (both coordinates, or neither)`);
      // The form shows what was typed.
      expect(refused.body).toContain(`value="${x}"`);
      expect(refused.body).toContain('value="Changed title"');
    }
    expect(await stored(photo.id)).toEqual(before);

    // Both empty: back to the centre.
    expect((await post(`/newsroom/media/${photo.id}`, { ...fields, focalX: '', focalY: '' })).statusCode).toBe(303);
    expect((await stored(photo.id)).focalPoint).toBeNull();
  });
});
