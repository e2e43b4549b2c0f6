import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

declare global {
  interface Window {
    axe: { run(context: Document, options: unknown): Promise<AxeResults> };
  }
}

/** Loads the page, injects axe-core and returns its violations, one readable line per failing node. */
export async function violations(page: Page, url: string, status: number): Promise<string[]> {
  const response = await page.goto(url, { waitUntil: 'load' });
  expect(response?.status(), url).toBe(status);
  return violationsHere(page);
}

/** The violations of the page as it stands now (after typing, with panels open). */
export async function violationsHere(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(
    (values) => window.axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] }),
    TAGS,
  );
  return results.violations.flatMap((violation: Result) =>
    violation.nodes.map(
      (node) => `${violation.id} (${violation.impact ?? '?'}): ${violation.help} at ${node.target.join(' ')}\n    ${node.failureSummary ?? ''}`,
    ),
  );
}
