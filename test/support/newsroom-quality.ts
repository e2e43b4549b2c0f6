import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { violationsHere } from './axe.js';
import { launchChromium } from './browser.js';
import { runNuChecker } from './nu-checker.js';

/**
 * The pages a quality test collected (each with a label naming the address or the refused form)
 * checked by the W3C Nu checker in one run: the errors, each as `label:line message`. One use:
 * the pages' files are removed once checked.
 */
export class NuPages {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-nu-'));
  private readonly files = new Map<string, string>();

  /** Each page as the signed-in person sees it (`cookie`), labelled by its address; an answer other than 200 fails the test. */
  async addPages(app: FastifyInstance, cookie: string, urls: readonly string[], label: (url: string) => string = (url) => url): Promise<void> {
    for (const url of urls) {
      const response = await app.inject({ method: 'GET', url, headers: { cookie } });
      expect(response.statusCode, label(url)).toBe(200);
      this.add(label(url), response.body);
    }
  }

  add(label: string, body: string): void {
    const file = path.join(this.dir, `page-${this.files.size}.html`);
    fs.writeFileSync(file, body);
    this.files.set(file, label);
  }

  /** Checks every page added in one run of the checker, then removes their files. */
  async errors(): Promise<string[]> {
    try {
      const messages = await runNuChecker([...this.files.keys()]);
      return messages
        .filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error')
        .map((m) => `${(m.url && this.files.get(m.url.replace(/^file:/, ''))) ?? m.url ?? '?'}:${m.lastLine ?? '?'} ${m.message}`);
    } finally {
      fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

/** Chromium signed in to the newsroom at `base` with the session cookie (`name=value`). */
export interface NewsroomBrowser {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** The axe violations of a page answered with `body` (a refused form's answer), at an address of the app's origin. */
  readonly violationsOf: (body: string) => Promise<string[]>;
  readonly close: () => Promise<void>;
}

export async function newsroomBrowser(base: string, cookie: string): Promise<NewsroomBrowser> {
  const browser = await launchChromium();
  // The newsroom's CSP rightly forbids inline script; axe is injected inline, for these tests only.
  const context = await browser.newContext({ bypassCSP: true });
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  let served = 0;
  const violationsOf = async (body: string) => {
    // The answer is served at an address of the app, so its stylesheet and scripts load as they would after the POST.
    const url = `${base}/newsroom/__refused-${++served}`;
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
    await page.goto(url, { waitUntil: 'load' });
    await page.unroute(url);
    return violationsHere(page);
  };
  const close = async () => {
    await context.close();
    await browser.close();
  };
  return { browser, context, page, violationsOf, close };
}
