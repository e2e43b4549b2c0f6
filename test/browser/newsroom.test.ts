import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { givenService } from '../support/factories.js';
import { givenUser, signInByKeyboard } from '../support/newsroom.js';

describe('the newsroom in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { demo: false });
    await givenService(t.actions);
    await givenUser(t.actions, 'reporter', [{ role: 'reporter', serviceCode: 'en' }], { withPassword: true });
    await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
    base = await listen(t.app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });


  it('without JavaScript: a reporter writes (plain body) and files a story and cannot publish it; an editor publishes it and it is on the service home', async () => {
    const reporter = await browser.newContext({ javaScriptEnabled: false });
    const page = await reporter.newPage();
    await signInByKeyboard(page, base, 'reporter@example.org');
    await page.getByRole('link', { name: 'New story' }).click();
    await page.getByLabel('Headline').fill('River Floods Old Town');
    await page.getByLabel('Deck').fill('Residents moved to higher ground overnight.');
    await page.getByLabel('Dateline place').fill('Osh');
    await page.getByLabel('Dateline outlet').fill('RFE/RL');
    await page.getByLabel('Body', { exact: true }).fill('The river rose two metres overnight.\n\n## Who Is Affected\n\nAbout 300 families left their homes.');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByText('status: Draft').count()).toBe(1);
    await page.getByRole('button', { name: 'File for review' }).click();
    await expect.poll(() => page.getByText('status: Filed for review').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Publish now' }).count()).toBe(0);
    const storyUrl = page.url().replace(/\?.*$/, ''); // without the notice's ?done=filed

    // The server refuses even when the form is forged: nothing is hidden only in the UI.
    const csrf = await page.locator('input[name=_csrf]').first().inputValue();
    const forged = await page.request.post(`${storyUrl}/publish`, { form: { _csrf: csrf }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    await reporter.close();

    const editor = await browser.newContext();
    const editorPage = await editor.newPage();
    await signInByKeyboard(editorPage, base, 'editor@example.org');
    await editorPage.getByLabel('Status').selectOption('filed');
    await editorPage.getByRole('button', { name: 'Filter' }).click();
    await editorPage.getByRole('link', { name: 'River Floods Old Town' }).click();
    await editorPage.getByRole('button', { name: 'Publish now' }).click();
    await expect.poll(() => editorPage.getByText('status: Published').count()).toBe(1);
    await editor.close();

    const readerPage = await browser.newPage();
    await readerPage.goto(`${base}/en/`);
    await readerPage.getByRole('link', { name: 'River Floods Old Town' }).click();
    expect(await readerPage.getByRole('heading', { name: 'Who Is Affected' }).count()).toBe(1);
    await readerPage.close();
  });
});
