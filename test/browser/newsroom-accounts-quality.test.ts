import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiToken } from '../../src/actions/users/api-tokens.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { violations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { givenService, SYSTEM } from '../support/factories.js';
import { givenUser, signInAs } from '../support/newsroom.js';
import { runNuChecker } from '../support/nu-checker.js';

describe('the newsroom account and accounts pages: valid HTML (Nu checker) and accessible (axe)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let session: Awaited<ReturnType<typeof signInAs>>;
  let urls: string[];
  let dir: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { demo: false });
    await givenService(t.actions);
    const admin = await givenUser(t.actions, 'admin', [{ role: 'admin', serviceCode: null }], { withPassword: true });
    const other = await givenUser(t.actions, 'reporter', [{ role: 'reporter', serviceCode: 'en' }]);
    await issueApiToken(t.actions, SYSTEM, { id: admin.id }, { label: 'expiring', expiresInDays: 7 });
    session = await signInAs(t, 'admin@example.org');
    urls = ['/newsroom/account', '/newsroom/users', `/newsroom/users/${other.id}`, `/newsroom/users/${admin.id}`];
    base = await listen(t.app);
    browser = await launchChromium();
    context = await browser.newContext({ bypassCSP: true });
    const [name, value] = session.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: base }]);
    page = await context.newPage();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-accounts-validity-'));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has no HTML errors on any page, the page showing a new token and a refused form included', async () => {
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
      expect(page.url(), 'still signed in').toBe(base + url);
    }
    expect(found).toEqual([]);
  });
});
