import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTranslations } from '../../src/actions/stories/translations.js';
import { setNewsroomLocale } from '../../src/actions/users/newsroom-locale.js';
import { storyPath } from '../../src/domain/story/story-path.js';
import { translatorFor } from '../../src/i18n/i18n.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { violations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { givenPublishedStory, givenService, SYSTEM } from '../support/factories.js';
import { givenUser, signInAs, signInByKeyboard } from '../support/newsroom.js';
import { NuPages } from '../support/newsroom-quality.js';

const fa = translatorFor('fa').t;

describe('stories in four languages, and the Persian newsroom, in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let english: number;
  let versions: number[];
  let editor: Awaited<ReturnType<typeof givenUser>>;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { demo: false });
    for (const [code, dir] of [['en', 'ltr'], ['ru', 'ltr'], ['ky', 'ltr'], ['fa', 'rtl']] as const) await givenService(t.actions, code, dir);
    english = await givenPublishedStory(t.actions, { serviceCode: 'en', headline: 'Parliament Passes The Budget' });
    const ru = await givenPublishedStory(t.actions, { serviceCode: 'ru', headline: 'Парламент принял бюджет' });
    const ky = await givenPublishedStory(t.actions, { serviceCode: 'ky', headline: 'Парламент бюджетти кабыл алды' });
    versions = [english, ru, ky];
    await setTranslations(t.actions, SYSTEM, english, [ru, ky]);
    editor = await givenUser(t.actions, 'dabir', [{ role: 'editor', serviceCode: 'en' }, { role: 'editor', serviceCode: 'fa' }], { withPassword: true });
    await setNewsroomLocale(t.actions, editor.id, 'fa');
    base = await listen(t.app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the Persian newsroom is right to left; an editor writes and publishes a Persian story, links it, and readers switch to English and back', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInByKeyboard(page, base, editor.email);

    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('fa');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).direction)).toBe('rtl');
    // Laid out right to left: the newsroom's name starts at the right edge, its navigation follows to the left.
    const name = await page.locator('.site-name').boundingBox();
    const width = page.viewportSize()!.width;
    expect(name!.x + name!.width).toBeGreaterThan(width * 0.8);
    const [first, second] = await page.getByRole('navigation').first().getByRole('link').all();
    expect((await first!.boundingBox())!.x).toBeGreaterThan((await second!.boundingBox())!.x);

    await page.getByRole('link', { name: fa('newsroom.stories.new') }).click();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByLabel(fa('newsroom.form.service')).selectOption('fa');
    await page.getByLabel(fa('newsroom.form.headline'), { exact: true }).fill('مجلس بودجه را تصویب کرد');
    await page.getByLabel(fa('newsroom.form.deck'), { exact: true }).fill('نمایندگان پس از دو روز بحث رأی دادند.');
    await page.getByLabel(fa('newsroom.form.slug')).fill('budget-passes');
    await page.getByLabel(fa('newsroom.form.place'), { exact: true }).fill('پراگ');
    await page.getByLabel(fa('newsroom.form.outlet'), { exact: true }).fill('رادیو فردا');
    await page.getByLabel(fa('newsroom.form.body'), { exact: true }).fill('مجلس امروز بودجهٔ سال آینده را تصویب کرد.');
    await page.getByRole('button', { name: fa('newsroom.form.save'), exact: true }).click();
    await page.getByRole('button', { name: fa('newsroom.form.publish') }).click();
    await expect.poll(() => page.getByText(fa('newsroom.status.published')).count()).toBeGreaterThan(0);
    const persian = Number(/\/newsroom\/stories\/(\d+)/.exec(page.url())?.[1]);

    await page.getByRole('link', { name: fa('newsroom.translations.tool') }).click();
    await page.getByLabel(fa('newsroom.translations.storyNumber')).fill(String(english));
    await page.getByRole('button', { name: fa('newsroom.translations.linkSubmit') }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Parliament Passes The Budget' }).count()).toBe(1);
    await context.close();

    const reader = await browser.newPage();
    const persianPath = storyPath((await t.store.read.stories.findById(persian))!);
    await reader.goto(base + persianPath);
    expect(await reader.locator('html').getAttribute('dir')).toBe('rtl');
    const switcher = reader.getByRole('navigation', { name: fa('story.translations') });
    await switcher.getByRole('link', { name: 'English' }).click();
    await reader.waitForURL(`${base}${storyPath((await t.store.read.stories.findById(english))!)}`);
    expect(await reader.getByRole('heading', { level: 1 }).textContent()).toBe('Parliament Passes The Budget');
    await reader.getByRole('navigation', { name: 'Also in' }).getByRole('link', { name: 'فارسی' }).click();
    await reader.waitForURL(base + persianPath);
    expect(await reader.getByRole('heading', { level: 1 }).textContent()).toBe('مجلس بودجه را تصویب کرد');
    versions.push(persian);
    await reader.close();
  });

  it('switcher pages in all four services and the Persian newsroom pages are valid HTML (Nu) and pass axe', async () => {
    expect(versions).toHaveLength(4);
    const readerUrls = await Promise.all(versions.map(async (id) => storyPath((await t.store.read.stories.findById(id))!)));
    const session = await signInAs(t, editor.email);
    const newsroomUrls = ['/newsroom/stories', '/newsroom/stories/new', `/newsroom/stories/${versions[3]}`, `/newsroom/stories/${versions[3]}/translations`, '/newsroom/account', '/newsroom/profiles'];

    const nu = new NuPages();
    const save = (label: string, body: string) => nu.add(label, body);
    for (const url of readerUrls) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.body, url).toContain('class="language-switcher"');
      save(url, response.body);
    }
    for (const url of newsroomUrls) {
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain('<html lang="fa" dir="rtl"');
      save(url, response.body);
    }
    const refused = await t.app.inject({
      method: 'POST',
      url: `/newsroom/stories/${versions[3]}/translations`,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrfToken, storyId: String(versions[3]) }).toString(),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(fa('error.code.TRANSLATION_SAME_SERVICE'));
    save('refused link', refused.body);
    expect(await nu.errors()).toEqual([]);

    const context = await browser.newContext({ bypassCSP: true });
    const [name, value] = session.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: base }]);
    const page = await context.newPage();
    const found: string[] = [];
    for (const url of [...readerUrls, ...newsroomUrls]) {
      for (const line of await violations(page, base + url, 200)) found.push(`${url}\n  ${line}`);
    }
    await context.close();
    expect(found).toEqual([]);
  }, 240_000);
});
