/**
 * Page weight: the bytes over the wire (headers and compressed bodies) of each reader page type,
 * loaded cold in Chromium, as a reader on a slow network pays them; with a budget check.
 * Budgets (PRODUCT.md, issue 15): the reference story under 50 KB without its video and
 * images; the home page under 60 KB with its images.
 *
 *   tsx bench/page-weight.ts
 */
import { chromium } from 'playwright-core';
import { runDemoSite } from '../scripts/run-demo-site.js';
import { bytes, heading, table } from './support/format.js';
import type { BenchOutcome } from './story-page.js';

const STORY = '/en/a/kyrgyz-president-wont-back-down-as-opposition-claims-power/1';
const KB = 1024;

interface PageType {
  readonly name: string;
  readonly path: string;
  /** Images count against this page's budget. */
  readonly withImages: boolean;
  readonly budget: number | null;
}

const PAGES: readonly PageType[] = [
  { name: 'reference story (no media)', path: STORY, withImages: false, budget: 50 * KB },
  { name: 'home (with images)', path: '/en/', withImages: true, budget: 60 * KB },
  { name: 'section', path: '/en/s/asia', withImages: true, budget: null },
  { name: 'topic', path: '/en/t/kyrgyzstan', withImages: true, budget: null },
  { name: 'profile', path: '/en/p/roza-otunbaeva/1', withImages: true, budget: null },
  { name: 'comments', path: `${STORY}/comments`, withImages: true, budget: null },
  { name: 'privacy', path: '/en/privacy', withImages: true, budget: null },
  { name: 'about', path: '/en/about', withImages: true, budget: null },
  { name: 'contact', path: '/en/contact', withImages: true, budget: null },
  { name: 'Persian home (with font)', path: '/fa/', withImages: true, budget: null },
];

export async function runPageWeightBench(): Promise<BenchOutcome> {
  const site = await runDemoSite();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const rows: string[][] = [];
  const problems: string[] = [];
  try {
    for (const type of PAGES) {
      // Warm the page cache (and its compressed copies) so the browser gets what readers get.
      const warm = await browser.newPage();
      await warm.goto(site.base + type.path);
      await warm.waitForTimeout(300);
      await warm.close();
      const context = await browser.newContext();
      const page = await context.newPage();
      const sizes: Promise<number>[] = [];
      page.on('requestfinished', (request) => {
        const kind = request.resourceType();
        if (kind === 'media' || (kind === 'image' && !type.withImages)) return;
        sizes.push(request.sizes().then((s) => s.responseHeadersSize + s.responseBodySize));
      });
      await page.goto(site.base + type.path, { waitUntil: 'networkidle' });
      const total = (await Promise.all(sizes)).reduce((sum, n) => sum + n, 0);
      await context.close();
      const within = type.budget === null ? '' : total <= type.budget ? `under ${bytes(type.budget)}` : `OVER ${bytes(type.budget)}`;
      if (type.budget !== null && total > type.budget) problems.push(`${type.name}: ${bytes(total)} over its budget of ${bytes(type.budget)}`);
      rows.push([type.name, bytes(total), String(sizes.length), within]);
    }
  } finally {
    await browser.close();
    await site.close();
  }
  console.log(heading('Page weight (bytes over the wire, cold browser cache)'));
  console.log(table(['page', 'bytes', 'requests', 'budget'], rows, [1, 2]));
  for (const problem of problems) console.log(`  budget missed: ${problem}`);
  return { name: 'page weight', ok: problems.length === 0, problems };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outcome = await runPageWeightBench();
  process.exit(outcome.ok ? 0 : 1);
}
