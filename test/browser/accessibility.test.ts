import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { READER_PAGE_NAMES, readerPages, type ReaderPage } from '../support/reader-pages.js';

describe('every reader page type is accessible (axe-core, WCAG 2.2 AA and best practice)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pages: ReaderPage[];

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    base = await listen(t.app);
    pages = await readerPages(t);
    browser = await launchChromium();
    // The site's CSP rightly forbids inline script; axe is injected inline, for this test only.
    context = await browser.newContext({ bypassCSP: true });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  it.each(READER_PAGE_NAMES)('has no violations on the %s page', async (name) => {
    const { url, status } = pages.find((p) => p.name === name) ?? { url: '', status: 0 };
    expect(await violations(page, base + url, status), url).toEqual([]);
  });

  it('has no violations on the right-to-left pages in a narrow 360px viewport', async () => {
    const narrow = await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 740 } });
    const found: string[] = [];
    try {
      const narrowPage = await narrow.newPage();
      for (const { name, url, status } of pages.filter((p) => p.url.startsWith('/fa/'))) {
        for (const line of await violations(narrowPage, base + url, status)) found.push(`${name} ${url}\n  ${line}`);
        // WCAG 1.4.10 reflow: nothing may make the page scroll sideways.
        const overflow = await narrowPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) found.push(`${name} ${url}\n  scrolls sideways by ${overflow}px at 360px`);
      }
    } finally {
      await narrow.close();
    }
    expect(found).toEqual([]);
  });
});
