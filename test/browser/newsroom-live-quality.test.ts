import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postLiveEntry } from '../../src/actions/live/live-entries.js';
import { setStoryLive } from '../../src/actions/live/set-story-live.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { violations } from '../support/axe.js';
import { givenPublishedStory, givenService, SYSTEM } from '../support/factories.js';
import { givenUser, signInAs } from '../support/newsroom.js';
import { newsroomBrowser, NuPages, type NewsroomBrowser } from '../support/newsroom-quality.js';

const paragraph = (text: string) => [{ type: 'paragraph', content: [{ type: 'text', text }] }];

describe('the newsroom live coverage pages: valid HTML (Nu checker) and accessible (axe)', () => {
  let t: TestApp;
  let base: string;
  let chromium: NewsroomBrowser;
  let page: Page;
  let session: Awaited<ReturnType<typeof signInAs>>;
  let urls: string[];
  let liveStory: number;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { demo: false });
    await givenService(t.actions);
    await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
    session = await signInAs(t, 'editor@example.org');
    liveStory = await givenPublishedStory(t.actions, { headline: 'Election Night', slug: 'election-night' });
    const quiet = await givenPublishedStory(t.actions, { headline: 'Quiet Day', slug: 'quiet-day' });
    await setStoryLive(t.actions, SYSTEM, liveStory, true);
    await postLiveEntry(t.actions, SYSTEM, liveStory, { body: paragraph('Polls close.'), keyEvent: true });
    const rich = await postLiveEntry(t.actions, SYSTEM, liveStory, {
      body: [{ type: 'paragraph', content: [{ type: 'text', text: 'Turnout is ' }, { type: 'text', text: 'high', marks: ['bold'] }] }],
      pinned: true,
    });
    urls = [`/newsroom/stories/${liveStory}/live`, `/newsroom/stories/${quiet}/live`, `/newsroom/stories/${liveStory}/live/entries/${rich.id}`];
    base = await listen(t.app);
    chromium = await newsroomBrowser(base, session.cookie);
    page = chromium.page;
  });
  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  it('has no HTML errors on any page, a refused entry included', async () => {
    const nu = new NuPages();
    const save = (label: string, body: string) => nu.add(label, body);
    await nu.addPages(t.app, session.cookie, urls);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/newsroom/stories/${liveStory}/live/entries`,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrfToken, text: '   ' }).toString(),
    });
    expect(refused.statusCode).toBe(400);
    save('POST entries (refused)', refused.body);

    expect(await nu.errors()).toEqual([]);
  });

  it('has no axe violations on any page', async () => {
    const found: string[] = [];
    for (const url of urls) {
      for (const line of await violations(page, base + url, 200)) found.push(`${url}\n  ${line}`);
      expect(page.url(), 'still signed in').toBe(base + url);
    }
    expect(found).toEqual([]);
  });
});
