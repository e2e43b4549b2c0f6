import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { violations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { givenUser, signInAs } from '../support/newsroom.js';
import { runNuChecker } from '../support/nu-checker.js';
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
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let session: Awaited<ReturnType<typeof signInAs>>;
  let urls: string[];
  let dir: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    await givenUser(t.actions, 'admin', [{ role: 'admin', serviceCode: null }], { withPassword: true });
    session = await signInAs(t, 'admin@example.org');
    urls = await editorPages(t);
    base = await listen(t.app);
    browser = await launchChromium();
    // The newsroom's CSP rightly forbids inline script; axe is injected inline, for this test only.
    context = await browser.newContext({ bypassCSP: true });
    const [name, value] = session.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: base }]);
    page = await context.newPage();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-newsroom-validity-'));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has no HTML errors on any page, a refused form included', async () => {
    const files = new Map<string, string>();
    const save = (url: string, body: string) => {
      const file = path.join(dir, `page-${files.size}.html`);
      fs.writeFileSync(file, body);
      files.set(file, url);
    };
    for (const url of urls) {
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
      expect(response.statusCode, url).toBe(200);
      save(url, response.body);
    }
    const refused = await t.app.inject({
      method: 'POST',
      url: '/newsroom/alerts',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrfToken, serviceCode: 'en', text: '', durationMinutes: '0' }).toString(),
    });
    expect(refused.statusCode).toBe(400);
    save('POST /newsroom/alerts (refused)', refused.body);

    const messages = await runNuChecker([...files.keys()]);
    const errors = messages
      .filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error')
      .map((m) => `${(m.url && files.get(m.url.replace(/^file:/, ''))) ?? m.url ?? '?'}:${m.lastLine ?? '?'} ${m.message}`);
    expect(errors).toEqual([]);
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
