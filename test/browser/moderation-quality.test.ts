import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { banCommentAuthor } from '../../src/actions/comments/ban-comment-author.js';
import { setCommentSettings } from '../../src/actions/comments/set-comment-settings.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { violations, violationsHere } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { postingDeps, readerPost } from '../support/comments.js';
import { givenPublishedStory, SYSTEM } from '../support/factories.js';
import { givenUser, signInAs } from '../support/newsroom.js';
import { runNuChecker } from '../support/nu-checker.js';

/**
 * The moderation pages (queue, one comment's ban page, bans) with English and Persian comments,
 * pseudonyms and headlines: valid HTML (Nu checker), no axe violations, refused forms included.
 */
describe('comment moderation pages: valid HTML (Nu checker) and accessible (axe), in English and Persian', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let session: Awaited<ReturnType<typeof signInAs>>;
  let urls: string[];
  let faComment: number;
  let dir: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    await givenUser(t.actions, 'admin', [{ role: 'admin', serviceCode: null }], { withPassword: true });
    session = await signInAs(t, 'admin@example.org');
    const deps = postingDeps(t.actions);
    const faStory = await givenPublishedStory(t.actions, { serviceCode: 'fa', headline: 'سیل در شهر', slug: 'seyl-dar-shahr' });
    const enStory = await givenPublishedStory(t.actions, { headline: 'Flood In The City' });
    faComment = (await readerPost(deps, { storyId: faStory, authorName: 'مریم', body: 'این گزارش دقیق نیست.\n\nلطفاً اصلاح کنید.' })).id;
    const faOther = await readerPost(deps, { storyId: faStory, authorName: 'Reza رضا', body: 'نظر دوم' });
    await readerPost(deps, { storyId: enStory, authorName: 'Anna', body: 'A visible comment under post-moderation' });
    await setCommentSettings(t.actions, SYSTEM, 'fa', { moderation: 'pre' });
    await readerPost(deps, { storyId: faStory, authorName: 'کاربر', body: 'در انتظار بررسی' });
    await banCommentAuthor(t.actions, SYSTEM, faOther.id, { kinds: ['token', 'pseudonym'], endsAt: null, removeQueued: false });
    await banCommentAuthor(t.actions, SYSTEM, faComment, { kinds: ['address'], endsAt: new Date(t.clock.now().getTime() + 86_400_000), removeQueued: false });
    urls = [
      '/newsroom/comments?service=en',
      `/newsroom/comments?service=en&show=all&done=bulk&count=1&decided=${faComment}`,
      '/newsroom/comments?service=fa',
      '/newsroom/comments?service=fa&show=held',
      `/newsroom/comments?service=fa&story=${faStory}`,
      `/newsroom/comments/${faComment}/ban?service=fa&show=all`,
      '/newsroom/comments/bans?service=fa',
      '/newsroom/comments/bans?service=fa&q=رضا&lifted=1',
      '/newsroom/comments/bans?service=en',
    ];
    base = await listen(t.app);
    browser = await launchChromium();
    context = await browser.newContext({ bypassCSP: true });
    const [name, value] = session.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: base }]);
    page = await context.newPage();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-moderation-validity-'));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const form = (url: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrfToken, service: 'fa', show: 'all', page: '1', ...fields }).toString(),
    });

  it('has no HTML errors on any page, refused forms included', async () => {
    const files = new Map<string, string>();
    const save = (url: string, body: string) => {
      const file = path.join(dir, `page-${files.size}.html`);
      fs.writeFileSync(file, body);
      files.set(file, url);
    };
    for (const url of urls) {
      const response = await t.app.inject({ method: 'GET', url: encodeURI(url), headers: { cookie: session.cookie } });
      expect(response.statusCode, url).toBe(200);
      save(url, response.body);
    }
    // The Persian pages show what they are meant to: Persian names and text, isolated.
    const faQueue = await t.app.inject({ method: 'GET', url: '/newsroom/comments?service=fa', headers: { cookie: session.cookie } });
    expect(faQueue.body).toContain('<bdi>مریم</bdi>');
    expect(faQueue.body).toContain('<blockquote class="comment-text" dir="auto"><p>این گزارش دقیق نیست.</p>');
    const faBans = await t.app.inject({ method: 'GET', url: '/newsroom/comments/bans?service=fa', headers: { cookie: session.cookie } });
    expect(faBans.body).toContain('<bdi>Reza رضا</bdi>');
    expect(faBans.body).toContain('<bdi>مریم</bdi>');
    const refusals: Array<[string, Record<string, string>]> = [
      ['/newsroom/comments/bulk', { decision: 'reject', 'comment-999999': '1' }],
      [`/newsroom/comments/${faComment}/ban`, { 'by-address': '1' }],
      [`/newsroom/comments/${faComment}/ban`, { from: 'comment', 'by-address': '1', until: '2000-01-01' }],
    ];
    for (const [url, fields] of refusals) {
      const refused = await form(url, fields);
      expect(refused.statusCode, url).toBe(400);
      expect(refused.body).toContain('role="alert"');
      save(`POST ${url} (refused)`, refused.body);
    }
    const messages = await runNuChecker([...files.keys()]);
    const errors = messages
      .filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error')
      .map((m) => `${(m.url && files.get(m.url.replace(/^file:/, ''))) ?? m.url ?? '?'}:${m.lastLine ?? '?'} ${m.message}`);
    expect(errors).toEqual([]);
  });

  it('has no axe violations on any page, nor on a refused ban form', async () => {
    const found: string[] = [];
    for (const url of urls) {
      for (const line of await violations(page, base + encodeURI(url), 200)) found.push(`${url}\n  ${line}`);
    }
    await page.goto(`${base}/newsroom/comments/${faComment}/ban?service=fa&show=all`);
    await page.getByLabel(/by network address/).check();
    await page.getByLabel('by browser').uncheck();
    await page.getByRole('button', { name: 'Ban author' }).click();
    await page.getByRole('alert').waitFor();
    for (const line of await violationsHere(page)) found.push(`refused ban\n  ${line}`);
    expect(found).toEqual([]);
  });
});
