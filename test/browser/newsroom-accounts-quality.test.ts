import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiToken } from '../../src/actions/users/api-tokens.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { violations } from '../support/axe.js';
import { givenService, SYSTEM } from '../support/factories.js';
import { givenUser, signInAs } from '../support/newsroom.js';
import { newsroomBrowser, NuPages, type NewsroomBrowser } from '../support/newsroom-quality.js';

describe('the newsroom account and accounts pages: valid HTML (Nu checker) and accessible (axe)', () => {
  let t: TestApp;
  let base: string;
  let chromium: NewsroomBrowser;
  let page: Page;
  let session: Awaited<ReturnType<typeof signInAs>>;
  let urls: string[];

  beforeAll(async () => {
    t = await startTestApp('sqlite', { demo: false });
    await givenService(t.actions);
    const admin = await givenUser(t.actions, 'admin', [{ role: 'admin', serviceCode: null }], { withPassword: true });
    const other = await givenUser(t.actions, 'reporter', [{ role: 'reporter', serviceCode: 'en' }]);
    await issueApiToken(t.actions, SYSTEM, { id: admin.id }, { label: 'expiring', expiresInDays: 7 });
    session = await signInAs(t, 'admin@example.org');
    urls = ['/newsroom/account', '/newsroom/users', `/newsroom/users/${other.id}`, `/newsroom/users/${admin.id}`];
    base = await listen(t.app);
    chromium = await newsroomBrowser(base, session.cookie);
    page = chromium.page;
  });
  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  it('has no HTML errors on any page, the page showing a new token and a refused form included', async () => {
    const nu = new NuPages();
    const save = (label: string, body: string) => nu.add(label, body);
    await nu.addPages(t.app, session.cookie, urls);
    const form = (fields: Record<string, string>) => ({
      method: 'POST' as const,
      url: '/newsroom/account/tokens',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrfToken, ...fields }).toString(),
    });
    const made = await t.app.inject(form({ label: 'laptop', expiresInDays: '30' }));
    expect(made.statusCode).toBe(200);
    save('POST /newsroom/account/tokens', made.body);
    const refused = await t.app.inject(form({ label: 'laptop', expiresInDays: '9999' }));
    expect(refused.statusCode).toBe(400);
    save('POST /newsroom/account/tokens (refused)', refused.body);

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
