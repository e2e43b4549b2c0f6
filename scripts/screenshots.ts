/**
 * `npm run screenshots`: the reader site's page types at a phone's width (390 px) and a laptop's
 * (1280 px), full page, into screenshots/ (not committed), so anyone can look at the design.
 * Runs the demo site on a temporary SQLite file and Debian's Chromium (CHROMIUM_PATH to change it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { runDemoSite } from './run-demo-site.js';

const STORY = '/en/a/kyrgyz-president-wont-back-down-as-opposition-claims-power/1';
const PAGES: readonly [string, string][] = [
  ['home', '/en/'],
  ['section', '/en/s/asia'],
  ['story', STORY],
  ['comments', `${STORY}/comments`],
  ['comment-form', ''],
  ['profile', '/en/p/roza-otunbaeva/1'],
  ['privacy', '/en/privacy'],
  ['about', '/en/about'],
  ['contact', '/en/contact'],
  ['persian-contact', '/fa/contact'],
  ['persian-home', '/fa/'],
  ['persian-story', '/fa/a/-/0'],
  ['kyrgyz-home', '/ky/'],
];
const WIDTHS = [390, 1280] as const;

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');
fs.mkdirSync(out, { recursive: true });
const site = await runDemoSite();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  // The Persian story: the first story linked from the Persian home page.
  const probe = await browser.newPage();
  await probe.goto(`${site.base}/fa/`);
  const persianStory = await probe.locator('main a[href*="/fa/a/"]').first().getAttribute('href');
  // A few reads, so "most read" has something to show: the section page lists stories without rendering the home page.
  await probe.goto(`${site.base}/en/s/asia`);
  const ids = (await probe.locator('main a[href*="/en/a/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))).map((href) => href.split('/').pop());
  for (const [index, id] of ids.entries()) {
    for (let read = 0; read < ids.length - index; read++) await fetch(`${site.base}/en/read/${id}`);
  }
  // A story whose forum is open, for the comment form: the section's other story.
  const openForum = (await probe.locator('main a[href*="/en/a/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))).find((href) => !href.endsWith('/1'));
  await probe.close();
  for (const width of WIDTHS) {
    const page = await browser.newPage({ viewport: { width, height: width < 500 ? 844 : 800 } });
    for (const [name, address] of PAGES) {
      const url = name === 'persian-story' ? persianStory : name === 'comment-form' ? (openForum ? `${openForum}/comments` : null) : address;
      if (!url) continue;
      await page.goto(site.base + url, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const file = path.join(out, `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}
