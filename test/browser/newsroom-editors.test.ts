import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { givenService } from '../support/factories.js';
import { givenUser, signInByKeyboard } from '../support/newsroom.js';

/** Follows a link with the keyboard: focus it, press Enter. */
async function follow(page: Page, name: string): Promise<void> {
  const link = page.getByRole('link', { name, exact: true });
  const href = (await link.getAttribute('href')) ?? '';
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === href);
}

describe("the newsroom's other editors in Chromium", () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { demo: false });
    await givenService(t.actions);
    await givenUser(t.actions, 'admin', [{ role: 'admin', serviceCode: null }], { withPassword: true });
    await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
    base = await listen(t.app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('an admin creates a section and a profile with the keyboard alone, and the reader site shows them', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInByKeyboard(page, base, 'admin@example.org');

    await follow(page, 'Sections');
    await follow(page, 'New section');
    await page.getByLabel('Name').focus();
    await page.keyboard.type('Central Asia');
    await page.keyboard.press('Tab');
    await page.keyboard.type('central-asia');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); // past the slug's help text, which is not focusable: to the position
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved.');
    expect(await page.getByLabel('Address (slug)').inputValue()).toBe('central-asia');

    await follow(page, 'Profiles');
    await follow(page, 'New profile');
    await page.getByLabel('Kind').focus();
    await page.keyboard.press('ArrowDown'); // person -> organisation
    await page.keyboard.press('Tab');
    await page.keyboard.type('Central Election Commission');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Runs the elections.');
    await page.keyboard.press('Tab'); // the service: shared by all
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // Save
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved.');
    expect(await page.getByLabel('Kind').inputValue()).toBe('organisation');

    await follow(page, 'Reader page');
    expect(await page.getByRole('heading', { level: 1, name: 'Central Election Commission', exact: true }).count()).toBe(1);
    expect(await page.getByText('Runs the elections.').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Central Asia' }).count()).toBeGreaterThan(0);
    await context.close();
  });

  it('an editor sends a breaking alert that appears on the reader home page, then expires it and it is gone', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInByKeyboard(page, base, 'editor@example.org');
    expect(await page.getByRole('link', { name: 'Sections', exact: true }).count()).toBe(0);
    await follow(page, 'Breaking alerts');
    await page.getByLabel('Text').fill('Polls have closed in Bishkek');
    await page.getByLabel('Link (optional)').fill('/en/');
    await page.getByLabel('Expires after (minutes)').fill('45');
    await page.getByRole('button', { name: 'Send alert' }).click();
    await expect.poll(() => page.getByText('Live ·').count()).toBe(1);

    const reader = await browser.newPage();
    await reader.goto(`${base}/en/`);
    expect(await reader.getByText('Polls have closed in Bishkek').count()).toBe(1);

    await page.getByRole('button', { name: 'Expire now: Polls have closed in Bishkek' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Expired ·').count()).toBe(1);
    await reader.reload();
    expect(await reader.getByText('Polls have closed in Bishkek').count()).toBe(0);
    await reader.close();
    await context.close();
  });
});
