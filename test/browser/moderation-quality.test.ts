import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { banCommentAuthor } from '../../src/actions/comments/ban-comment-author.js';
import { setCommentSettings } from '../../src/actions/comments/set-comment-settings.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { violations, violationsHere } from '../support/axe.js';
import { postingDeps, readerPost } from '../support/comments.js';
import { givenPublishedStory, SYSTEM } from '../support/factories.js';
import { givenUser, signInAs } from '../support/newsroom.js';
import { newsroomBrowser, NuPages, type NewsroomBrowser } from '../support/newsroom-quality.js';

/**
 * The moderation pages (queue, one comment's ban page, bans) with English and Persian comments,
 * pseudonyms and headlines: valid HTML (Nu checker), no axe violations, refused forms included.
 */
describe('comment moderation pages: valid HTML (Nu checker) and accessible (axe), in English and Persian', () => {
  let t: TestApp;
  let base: string;
  let chromium: NewsroomBrowser;
  let page: Page;
  let session: Awaited<ReturnType<typeof signInAs>>;
  let urls: string[];
  let faComment: number;

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
    chromium = await newsroomBrowser(base, session.cookie);
    page = chromium.page;
  });
  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  const form = (url: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrfToken, service: 'fa', show: 'all', page: '1', ...fields }).toString(),
    });

  it('has no HTML errors on any page, refused forms included', async () => {
    const nu = new NuPages();
    const save = (label: string, body: string) => nu.add(label, body);
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
    expect(await nu.errors()).toEqual([]);
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
