import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory } from '../../src/actions/stories/create-story.js';
import { publishStory } from '../../src/actions/stories/publish-story.js';
import { storyPath } from '../../src/domain/story/story-path.js';
import { launchChromium } from '../support/browser.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { givenService, storyInput, SYSTEM } from '../support/factories.js';
import { givenUser, signInByKeyboard } from '../support/newsroom.js';
import { violationsHere } from '../support/axe.js';
import { givenMediaItem } from '../support/media.js';

const bodyEditor = (page: Page) => page.getByRole('textbox', { name: 'Body', exact: true });

/** A document as a word processor or a web page puts it on the clipboard. */
const PASTED = `<html><body>
<h1>Flood Report</h1>
<p>The river rose, says the <a href="https://example.org/agency">water agency</a>.</p>
<h3>Who Is Affected</h3>
<ul><li>Old town</li><li>River district</li></ul>
<p><img src="https://cdn.example.org/photos/flood-map.png" alt="Map of the flooded streets"></p>
<table><caption>Water level</caption>
<tr><th>Gauge</th><th>Metres</th></tr>
<tr><td>Bridge</td><td>4.2</td></tr>
<tr><td colspan="2">Upstream: no reading</td></tr>
</table>
<blockquote><p>We lost everything.</p></blockquote>
<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Drone footage"></iframe>
</body></html>`;

describe('tables, pasting and embeds in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestApp('sqlite', { demo: false });
    await givenService(t.actions);
    await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
    base = await listen(t.app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const open = async (id: number, options: { bypassCSP?: boolean } = {}) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content.Security.Policy|error/i.test(message.text()) && !/Failed to load resource/.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
    await signInByKeyboard(page, base, 'editor@example.org');
    await page.goto(`${base}/newsroom/stories/${id}`);
    await bodyEditor(page).waitFor();
    return { context, page };
  };
  const stored = async (id: number) => (await t.store.read.stories.findById(id))!;

  it('pasting a document keeps headings, the list, the link, the table and the quote, and names the image and the frame it drops', { timeout: 90_000 }, async () => {
    const id = await createStory(t.actions, SYSTEM, storyInput({ body: [] }));
    // CSP bypassed for axe (injected inline); the other test runs under the site's policy.
    const { context, page } = await open(id, { bypassCSP: true });
    await bodyEditor(page).focus();
    await page.evaluate((html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'Flood Report');
      document.querySelector('.editor-content')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, PASTED);

    const notice = page.getByRole('status').filter({ hasText: 'Pasted.' });
    await expect.poll(() => notice.textContent()).toContain('A story body cannot keep: images ("Map of the flooded streets"); embedded frames or videos ("Drone footage")');
    const editorArea = page.locator('.editor-content');
    expect(await editorArea.locator('h2').allTextContents()).toEqual(['Flood Report', 'Who Is Affected']);
    expect(await editorArea.locator('ul > li').allTextContents()).toEqual(['Old town', 'River district']);
    expect(await editorArea.locator('th').allTextContents()).toEqual(['Gauge', 'Metres']);
    expect(await editorArea.locator('img, iframe').count()).toBe(0);
    // The table tools show in the table, with the pasted caption.
    await editorArea.locator('td').first().click();
    await expect.poll(() => page.getByLabel('Table caption').inputValue()).toBe('Water level');
    // The editor with its table panel and the paste notice showing passes axe.
    expect(await violationsHere(page)).toEqual([]);

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(new RegExp(`/newsroom/stories/${id}`));
    const body = (await stored(id)).body;
    expect(body.map((element) => element.type)).toEqual(['subheading', 'paragraph', 'subheading', 'list', 'table', 'quote']);
    expect(body[1]).toMatchObject({ content: [{ text: 'The river rose, says the ' }, { type: 'link', text: 'water agency', href: 'https://example.org/agency' }, { text: '.' }] });
    expect(body[4]).toEqual({
      type: 'table',
      caption: 'Water level',
      headerRow: true,
      headerColumn: false,
      rows: [
        [[{ type: 'text', text: 'Gauge' }], [{ type: 'text', text: 'Metres' }]],
        [[{ type: 'text', text: 'Bridge' }], [{ type: 'text', text: '4.2' }]],
        [[{ type: 'text', text: 'Upstream: no reading' }], []],
      ],
    });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a table from the toolbar, filled with Tab; an embed refused with a reason keeping the address, then inserted; readers load it only on request', { timeout: 90_000 }, async () => {
    const id = await createStory(t.actions, SYSTEM, storyInput({ body: [] }));
    const { context, page } = await open(id);
    await bodyEditor(page).focus();
    await page.keyboard.type('Results are in.');
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    // Nine cells; Tab in the last one adds a row, which Delete row takes away again.
    for (const value of ['Party', 'Seats', 'Share', 'Ata-Jurt', '28', '29%', 'SDPK', '26', '25%']) {
      await page.keyboard.type(value);
      await page.keyboard.press('Tab');
    }
    expect(await page.locator('.editor-content tr').count()).toBe(4);
    await page.getByLabel('Table caption').fill('Seats won');
    await page.getByRole('button', { name: 'Delete row' }).click();
    expect(await page.locator('.editor-content tr').count()).toBe(3);

    await page.getByRole('button', { name: 'Embed', exact: true }).click();
    const address = page.getByLabel(/Address of the post or video/);
    await address.fill('https://www.youtube.com/feed/trending');
    await page.getByRole('button', { name: 'Insert' }).click();
    await expect.poll(() => page.locator('#editor-embed-error').textContent()).toContain('is a YouTube address but not of a single post or video');
    expect(await address.inputValue()).toBe('https://www.youtube.com/feed/trending');
    expect(await address.getAttribute('aria-invalid')).toBe('true');
    await address.fill('https://youtu.be/dQw4w9WgXcQ');
    await page.getByLabel('Caption (optional)').fill('The count, live');
    await page.getByRole('button', { name: 'Insert' }).click();
    await page.locator('.editor-card-embed').waitFor();

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(new RegExp(`/newsroom/stories/${id}`));
    const body = (await stored(id)).body;
    expect(body).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Results are in.' }] },
      {
        type: 'table',
        caption: 'Seats won',
        headerRow: true,
        headerColumn: false,
        rows: [
          [[{ type: 'text', text: 'Party' }], [{ type: 'text', text: 'Seats' }], [{ type: 'text', text: 'Share' }]],
          [[{ type: 'text', text: 'Ata-Jurt' }], [{ type: 'text', text: '28' }], [{ type: 'text', text: '29%' }]],
          [[{ type: 'text', text: 'SDPK' }], [{ type: 'text', text: '26' }], [{ type: 'text', text: '25%' }]],
        ],
      },
      { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', caption: 'The count, live' },
    ]);
    await context.close();

    await publishStory(t.actions, SYSTEM, id, { at: new Date(t.actions.clock.now().getTime() - 60_000) });
    const reader = await browser.newContext();
    const readerPage = await reader.newPage();
    const elsewhere: string[] = [];
    await readerPage.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin === new URL(base).origin) return route.continue();
      elsewhere.push(url.href);
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>frame</title><p>player' });
    });
    await readerPage.goto(`${base}${storyPath(await stored(id))}`);
    expect(await readerPage.getByRole('table', { name: 'Seats won' }).count()).toBe(1);
    expect(await readerPage.getByRole('columnheader', { name: 'Seats' }).count()).toBe(1);
    const load = readerPage.getByRole('button', { name: 'Load from YouTube' });
    await load.waitFor();
    expect(await readerPage.getByRole('link', { name: 'Open on YouTube' }).getAttribute('href')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(elsewhere).toEqual([]);
    await load.click();
    const frame = readerPage.locator('iframe.embed-frame');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(await frame.getAttribute('title')).toBe('Post from YouTube');
    await expect.poll(() => elsewhere).toEqual(['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ']);
    expect(problems).toEqual([]);
    await reader.close();
  });

  it('a gallery from the toolbar: each chosen photo goes into the gallery before the cursor', { timeout: 90_000 }, async () => {
    const queue = await givenMediaItem(t.actions, { kind: 'image', title: 'Queue at the polls' });
    const count = await givenMediaItem(t.actions, { kind: 'image', title: 'The count at night' });
    await givenMediaItem(t.actions, { kind: 'video', title: 'Queue on video' });
    const id = await createStory(t.actions, SYSTEM, storyInput({ body: [] }));
    const { context, page } = await open(id);
    await bodyEditor(page).focus();
    await page.keyboard.type('Polling day.');
    await page.keyboard.press('Enter');
    for (const [query, title] of [
      ['queue', 'Queue at the polls'],
      ['count', 'The count at night'],
    ] as const) {
      await page.getByRole('button', { name: 'Gallery', exact: true }).click();
      await page.keyboard.type(query);
      const option = page.getByRole('listbox').getByRole('option', { name: new RegExp(title) });
      await option.waitFor();
      // Photos only: the video of the same name is not offered.
      await expect.poll(() => page.getByRole('listbox').getByRole('option').allTextContents()).toEqual([expect.stringContaining(title)]);
      await page.keyboard.press('Enter');
    }
    expect(await page.locator('.editor-card-gallery').textContent()).toBe('Gallery: Queue at the polls, The count at night');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(new RegExp(`/newsroom/stories/${id}`));
    expect((await stored(id)).body).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Polling day.' }] },
      { type: 'gallery', items: [{ mediaId: queue.id }, { mediaId: count.id }] },
    ]);
    expect(problems).toEqual([]);
    await context.close();

    // Readers: an inline photo and the gallery's photos take the column's width, from the largest rendition that fits it.
    await publishStory(t.actions, SYSTEM, id, { at: new Date(t.actions.clock.now().getTime() - 60_000) });
    const reader = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const readerPage = await reader.newPage();
    await readerPage.goto(`${base}${storyPath(await stored(id))}`);
    const widths = await readerPage.evaluate(() => ({
      column: document.querySelector('.story-body')!.getBoundingClientRect().width,
      photos: [...document.querySelectorAll<HTMLImageElement>('.gallery img')].map((img) => ({ width: img.getBoundingClientRect().width, src: img.currentSrc })),
    }));
    expect(widths.column).toBeGreaterThan(600);
    expect(widths.photos).toHaveLength(2);
    for (const photo of widths.photos) {
      expect(Math.abs(photo.width - widths.column)).toBeLessThan(2);
      expect(photo.src).toMatch(/640\.jpg$/);
    }
    expect(await readerPage.getByRole('region', { name: 'Photo gallery, 2 photos' }).count()).toBe(1);
    await reader.close();
  });
});

