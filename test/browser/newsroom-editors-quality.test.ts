import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { violations } from '../support/axe.js';
import { givenUser, signInAs } from '../support/newsroom.js';
import { newsroomBrowser, NuPages, type NewsroomBrowser } from '../support/newsroom-quality.js';
import { givenMediaItem } from '../support/media.js';

/** The pages of the newsroom's other editors, on the demo content, as an admin sees them. */
async function editorPages(t: TestApp): Promise<string[]> {
  const [profile] = (await t.store.read.profiles.search({ terms: ['roza'], limit: 1 })).items;
  const [section] = await t.store.read.services.listSections('en');
  const photo = await givenMediaItem(t.actions, { kind: 'image', title: 'Crowd at the gate' });
  return [
    // A photo's page, with its focal point fields.
    `/newsroom/media/${photo.id}`,
    '/newsroom/profiles',
    '/newsroom/profiles?q=roza',
    '/newsroom/profiles/new',
    `/newsroom/profiles/${profile!.id}?saved=1`,
    '/newsroom/sections',
    '/newsroom/sections/new',
    `/newsroom/sections/${section!.id}`,
    '/newsroom/services',
    '/newsroom/services/new',
    '/newsroom/services/fa',
    '/newsroom/alerts',
    '/newsroom/audit',
    '/newsroom/front',
    '/newsroom/distribution',
  ];
}

describe("the newsroom's other editors: valid HTML (Nu checker) and accessible (axe)", () => {
  let t: TestApp;
  let base: string;
  let chromium: NewsroomBrowser;
  let page: Page;
  let session: Awaited<ReturnType<typeof signInAs>>;
  let urls: string[];

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    await givenUser(t.actions, 'admin', [{ role: 'admin', serviceCode: null }], { withPassword: true });
    session = await signInAs(t, 'admin@example.org');
    urls = await editorPages(t);
    base = await listen(t.app);
    chromium = await newsroomBrowser(base, session.cookie);
    page = chromium.page;
  });
  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  it('has no HTML errors on any page, a refused form included', async () => {
    const nu = new NuPages();
    const save = (label: string, body: string) => nu.add(label, body);
    await nu.addPages(t.app, session.cookie, urls);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/newsroom/alerts',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrfToken, serviceCode: 'en', text: '', durationMinutes: '0' }).toString(),
    });
    expect(refused.statusCode).toBe(400);
    save('POST /newsroom/alerts (refused)', refused.body);

    expect(await nu.errors()).toEqual([]);
  });

  it('has no axe violations on any page', async () => {
    const found: string[] = [];
    for (const url of urls) {
      for (const line of await violations(page, base + url, 200)) found.push(`${url}\n  ${line}`);
      expect(page.url(), 'still signed in, not sent to the sign-in page').toBe(base + url);
    }
    expect(found).toEqual([]);
  });
});
