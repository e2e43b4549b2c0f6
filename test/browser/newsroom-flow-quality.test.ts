import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory } from '../../src/actions/stories/create-story.js';
import { updateStory } from '../../src/actions/stories/update-story.js';
import { userActor } from '../../src/domain/user/user.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { violations } from '../support/axe.js';
import { storyInput } from '../support/factories.js';
import { givenUser, signInAs } from '../support/newsroom.js';
import { newsroomBrowser, NuPages, type NewsroomBrowser } from '../support/newsroom-quality.js';

/**
 * The newsroom pages this work changed, on the demo content, as an editor sees them: the story
 * list (columns, filters, bulk form, a notice), a draft with its delete button, revisions naming
 * who saved (autosaves coalesced), the media library's resumable upload form.
 */
describe('the story list, notices, delete and revisions: valid HTML (Nu checker) and accessible (axe)', () => {
  let t: TestApp;
  let base: string;
  let chromium: NewsroomBrowser;
  let page: Page;
  let session: Awaited<ReturnType<typeof signInAs>>;
  let urls: string[];

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    const editor = await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
    session = await signInAs(t, 'editor@example.org');
    const actor = userActor({ id: editor.id, grants: [{ role: 'editor', serviceCode: 'en' }] });
    const draft = await createStory(t.actions, actor, storyInput({ headline: 'A Draft Of The Editor' }));
    await updateStory(t.actions, actor, draft, storyInput({ headline: 'A Draft, Autosaved' }), { version: 1, autosave: true });
    urls = [
      '/newsroom/stories',
      '/newsroom/stories?status=draft&mine=1&done=bulk',
      `/newsroom/stories/${draft}?done=saved`,
      `/newsroom/stories/${draft}/revisions`,
      '/newsroom/media?done=uploaded',
    ];
    base = await listen(t.app);
    chromium = await newsroomBrowser(base, session.cookie);
    page = chromium.page;
  });
  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  it('has no HTML errors on any page, a refused bulk action included', async () => {
    const nu = new NuPages();
    const save = (label: string, body: string) => nu.add(label, body);
    await nu.addPages(t.app, session.cookie, urls);
    const published = (await t.store.read.stories.listForNewsroom({ serviceCodes: ['en'], status: 'published', limit: 1, offset: 0 })).items[0]!;
    const refused = await t.app.inject({
      method: 'POST',
      url: '/newsroom/stories/bulk',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrfToken, action: 'delete', [`story.${published.id}`]: '1' }).toString(),
    });
    expect(refused.statusCode).toBe(409);
    save('POST /newsroom/stories/bulk (refused)', refused.body);
    // A Save based on version 1 of the draft (it is at version 2): the conflict page.
    const draftUrl = urls[2]!.replace(/\?.*$/, '');
    const conflict = await t.app.inject({
      method: 'POST',
      url: draftUrl,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrfToken, version: '1', serviceCode: 'en', headline: 'Late', bodyJson: '[]' }).toString(),
    });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain('Compare the two versions');
    save(`POST ${draftUrl} (conflict)`, conflict.body);

    expect(await nu.errors()).toEqual([]);
  });

  it('has no axe violations on any page', async () => {
    const found: string[] = [];
    for (const url of urls) {
      for (const line of await violations(page, base + url, 200)) found.push(`${url}\n  ${line}`);
      // The notice's `done` is taken out of the address once shown; still signed in, not on the sign-in page.
      expect(new URL(page.url()).pathname).toBe(new URL(base + url).pathname);
    }
    expect(found).toEqual([]);
  });
});
