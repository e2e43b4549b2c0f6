import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfile } from '../../src/actions/profiles/create-profile.js';
import { createStory } from '../../src/actions/stories/create-story.js';
import { launchChromium } from '../support/browser.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { givenService, storyInput, SYSTEM } from '../support/factories.js';
import { givenMediaItem } from '../support/media.js';
import { givenUser, signInByKeyboard } from '../support/newsroom.js';
import { publishStory } from '../../src/actions/stories/publish-story.js';
import { violations, violationsHere } from '../support/axe.js';

/** The editor's writing surface (the contenteditable labelled "Body"). */
const bodyEditor = (page: Page) => page.getByRole('textbox', { name: 'Body', exact: true });

describe('the story editor in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    t = await startTestApp('sqlite', { demo: false });
    await givenService(t.actions);
    await givenUser(t.actions, 'reporter', [{ role: 'reporter', serviceCode: 'en' }], { withPassword: true });
    await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
    await givenUser(t.actions, 'editor2', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
    await createProfile(t.actions, SYSTEM, { kind: 'person', name: 'Roza Otunbaeva', serviceCode: 'en' });
    await createProfile(t.actions, SYSTEM, { kind: 'person', name: 'Rustam Ibraimov', serviceCode: 'en' });
    base = await listen(t.app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const watchCsp = (page: Page) => {
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    page.on('pageerror', (error) => cspViolations.push(`script error: ${error.message}`));
  };

  it('with the keyboard alone, a reporter writes a subheading, a quote and a profile link (searched as they type) and files it; only an editor can publish it, and readers then see it', { timeout: 90_000 }, async () => {
    const reporter = await browser.newContext();
    const page = await reporter.newPage();
    watchCsp(page);
    await signInByKeyboard(page, base, 'reporter@example.org');
    await page.getByRole('link', { name: 'New story' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/newsroom/stories/new`);

    await page.getByLabel('Headline').focus();
    await page.keyboard.type('River Floods Old Town');
    await page.getByLabel('Bylines, one per line').focus();
    await page.keyboard.type('Ainura Asankojoeva');

    // The body, in the editor: shortcuts for the subheading and the profile link, the toolbar for the quote.
    await bodyEditor(page).focus();
    await page.keyboard.type('The river rose two metres overnight.');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Alt+2');
    await page.keyboard.type('Who Is Affected');
    await page.keyboard.press('Enter');
    await page.keyboard.type('The former president ');
    await page.keyboard.press('Control+Alt+P');
    const search = page.getByRole('combobox', { name: 'Find a profile' });
    expect(await search.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('ro ot');
    const option = page.getByRole('listbox').getByRole('option', { name: /Roza Otunbaeva/ });
    await option.waitFor();
    await expect.poll(() => page.getByRole('listbox').getByRole('option').count()).toBe(1);
    expect(await search.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    expect(await option.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.keyboard.type(' visited the shelters.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('We have lost everything but our lives.');
    // The toolbar: one Tab stop, arrows between buttons, Enter presses.
    await page.getByRole('button', { name: 'Paragraph' }).focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    const quoteButton = page.getByRole('button', { name: 'Quote' });
    expect(await quoteButton.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await quoteButton.getAttribute('aria-pressed')).toBe('true');
    await page.getByLabel('Quote attribution (who said it)').focus();
    await page.keyboard.type('A resident of Osh');

    await page.getByRole('button', { name: 'Save', exact: true }).focus();
    await page.keyboard.press('Enter');
    // Autosave created the story at the first keystroke (the address became its own); Save then saved it.
    await page.waitForURL(/\/newsroom\/stories\/\d+(\?done=saved)?$/);
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await expect.poll(() => page.getByText('status: Draft').count()).toBe(1);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const saved = await t.store.read.stories.findById(id);
    expect(saved?.bylines).toEqual(['Ainura Asankojoeva']);
    expect(saved?.body.map((element) => element.type)).toEqual(['paragraph', 'subheading', 'paragraph', 'quote']);
    expect(saved?.body[2]).toMatchObject({
      type: 'paragraph',
      content: [{ type: 'text', text: 'The former president ' }, { type: 'profile', text: 'Roza Otunbaeva' }, { type: 'text', text: ' visited the shelters.' }],
    });
    expect(saved?.body[3]).toEqual({ type: 'quote', content: [{ type: 'text', text: 'We have lost everything but our lives.' }], attribution: 'A resident of Osh' });

    await page.getByRole('button', { name: 'File for review' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('status: Filed for review').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Publish now' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Schedule' }).count()).toBe(0);
    const csrf = await page.locator('input[name=_csrf]').first().inputValue();
    const forged = await page.request.post(`${base}/newsroom/stories/${id}/publish`, { form: { _csrf: csrf }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    const forgedApi = await page.request.post(`${base}/api/admin/v1/stories/${id}/publish`, { data: {}, headers: { 'x-csrf-token': csrf } });
    expect(forgedApi.status()).toBe(403);
    expect((await t.store.read.stories.findById(id))?.status).toBe('filed');
    await reporter.close();

    const editor = await browser.newContext();
    const editorPage = await editor.newPage();
    await signInByKeyboard(editorPage, base, 'editor@example.org');
    await editorPage.goto(`${base}/newsroom/stories/${id}`);
    await editorPage.getByRole('button', { name: 'Publish now' }).click();
    await expect.poll(() => editorPage.getByText('status: Published').count()).toBe(1);
    await editor.close();

    const readerPage = await browser.newPage();
    await readerPage.goto(`${base}/en/`);
    await readerPage.getByRole('link', { name: 'River Floods Old Town' }).click();
    expect(await readerPage.getByRole('heading', { name: 'Who Is Affected' }).count()).toBe(1);
    expect(await readerPage.locator('blockquote').innerText()).toContain('We have lost everything but our lives.');
    expect(await readerPage.locator('article').innerText()).toContain('A resident of Osh');
    const profileLink = readerPage.getByRole('link', { name: 'Roza Otunbaeva' });
    expect(await profileLink.getAttribute('href')).toMatch(/^\/en\/p\/roza-otunbaeva\/\d+$/);
    await readerPage.close();
    expect(cspViolations).toEqual([]);
  });

  it('when two people edit the same story, the second autosave is refused with a clear message and both versions are kept', { timeout: 90_000 }, async () => {
    const id = await createStory(t.actions, SYSTEM, storyInput({ headline: 'Shared Draft', body: [{ type: 'paragraph', content: [{ type: 'text', text: 'First words.' }] }] }));
    const first = await browser.newContext();
    const second = await browser.newContext();
    const a = await first.newPage();
    const b = await second.newPage();
    watchCsp(a);
    watchCsp(b);
    await signInByKeyboard(a, base, 'editor@example.org');
    await signInByKeyboard(b, base, 'editor2@example.org');
    await a.goto(`${base}/newsroom/stories/${id}`);
    await b.goto(`${base}/newsroom/stories/${id}`);

    await bodyEditor(a).click();
    await a.keyboard.press('Control+End');
    await a.keyboard.type(' Added by the first editor.');
    await expect.poll(() => a.locator('#autosave-status').innerText(), { timeout: 15_000 }).toMatch(/^Saved \d\d:\d\d$/);

    await bodyEditor(b).click();
    await b.keyboard.press('Control+End');
    await b.keyboard.type(' Added by the second editor.');
    const conflict = b.getByRole('alert');
    await conflict.waitFor({ timeout: 15_000 });
    expect(await conflict.innerText()).toContain('Someone else saved this story (version 2). Your version is kept as a revision.');

    // The current story has the first editor's words; the second editor's are a conflict revision.
    const story = await t.store.read.stories.findById(id);
    expect(JSON.stringify(story?.body)).toContain('Added by the first editor.');
    expect(JSON.stringify(story?.body)).not.toContain('Added by the second editor.');

    const diffHref = await b.getByRole('link', { name: 'Compare the two versions' }).getAttribute('href');
    expect(diffHref).toMatch(/\/revisions\/diff\?from=\d+&to=\d+$/);
    await b.getByRole('link', { name: 'Load the latest version' }).click();
    await b.waitForURL(`${base}/newsroom/stories/${id}`);
    expect(await bodyEditor(b).innerText()).toContain('Added by the first editor.');

    await b.goto(`${base}${diffHref}`);
    const diff = await b.locator('.revision-diff').innerText();
    expect(diff).toContain('Added by the first editor.');
    expect(diff).toContain('Added by the second editor.');
    const rows = await b.locator('.revision-table tbody tr').allInnerTexts();
    expect(rows.some((row) => row.includes('conflicting save, kept'))).toBe(true);
    expect(rows.filter((row) => /\bsaved\b/.test(row)).length).toBeGreaterThanOrEqual(2);
    await first.close();
    await second.close();
    expect(cspViolations).toEqual([]);
  });

  it('previews the unsaved story as the reader page, in a new tab, not for readers', async () => {
    const id = await createStory(t.actions, SYSTEM, storyInput({ headline: 'Preview Me' }));
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInByKeyboard(page, base, 'editor@example.org');
    await page.goto(`${base}/newsroom/stories/${id}`);
    await page.getByLabel('Headline').fill('Preview Me Before Saving');
    await bodyEditor(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Alt+2');
    await page.keyboard.type('A Fresh Subheading');
    const [preview] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Preview' }).click()]);
    await preview!.waitForLoadState();
    expect(await preview!.getByRole('heading', { level: 1 }).innerText()).toBe('Preview Me Before Saving');
    expect(await preview!.getByRole('heading', { name: 'A Fresh Subheading' }).count()).toBe(1);
    // Readers cannot see the draft, preview or not.
    const story = await t.store.read.stories.findById(id);
    const reader = await page.request.get(`${base}/en/a/${story!.slug}/${id}`, { maxRedirects: 0 });
    expect(reader.status()).toBe(404);
    await context.close();
  });

  it('inserts media, a related story, a profile card and a checked link, and picks the lead media, from the toolbar', { timeout: 90_000 }, async () => {
    const media = await givenMediaItem(t.actions, { title: 'The flooded square' });
    const older = await createStory(t.actions, SYSTEM, storyInput({ headline: 'Older Flood Story' }));
    await publishStory(t.actions, SYSTEM, older);
    const id = await createStory(t.actions, SYSTEM, storyInput({ headline: 'Cards Story' }));
    const context = await browser.newContext();
    const page = await context.newPage();
    watchCsp(page);
    await signInByKeyboard(page, base, 'editor@example.org');
    await page.goto(`${base}/newsroom/stories/${id}`);

    const pick = async (button: string, field: string, query: string, option: RegExp) => {
      await page.getByRole('button', { name: button, exact: true }).click();
      await page.getByRole('combobox', { name: field }).fill(query);
      // The first option (the active one) is the match once the search has answered.
      await expect.poll(() => page.getByRole('listbox').getByRole('option').first().innerText()).toMatch(option);
      await page.keyboard.press('Enter');
    };
    await bodyEditor(page).click();
    await page.keyboard.press('Control+End');
    await pick('Media', 'Find a media item', 'flooded', /The flooded square/);
    await pick('Related story', 'Find a story', 'older', /Older Flood Story/);
    await pick('Profile card', 'Find a profile', 'rustam', /Rustam Ibraimov/);
    expect(await bodyEditor(page).innerText()).toContain('Media: The flooded square');

    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('More at ');
    await page.keyboard.press('Control+K');
    const address = page.getByLabel('Link address');
    await address.fill('javascript:alert(1)');
    await address.press('Enter');
    expect(await page.locator('#editor-link-error').innerText()).toContain('uses a scheme that is not allowed');
    expect(await address.getAttribute('aria-invalid')).toBe('true');
    await address.fill('https://example.org/floods');
    await address.press('Enter');

    await pick('Choose lead media', 'Find a media item', 'flooded', /The flooded square/);
    expect(await page.getByLabel('Lead media item number (empty: none)').inputValue()).toBe(String(media.id));
    expect(await page.locator('#lead-media-current').innerText()).toBe('The flooded square');

    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save', exact: true }).click()]);
    const story = await t.store.read.stories.findById(id);
    expect(cspViolations).toEqual([]);
    expect(story?.leadMediaId).toBe(media.id);
    const profile = (await t.store.read.profiles.findByIds([1, 2, 3, 4, 5])).find((p) => p.name === 'Rustam Ibraimov');
    expect(story?.body.slice(1)).toEqual([
      { type: 'media', mediaId: media.id },
      { type: 'related', storyId: older },
      { type: 'profile', profileId: profile?.id },
      { type: 'paragraph', content: [{ type: 'text', text: 'More at ' }, { type: 'link', text: 'https://example.org/floods', href: 'https://example.org/floods' }] },
    ]);
    // The cards come back with their names when the story is opened again.
    await page.waitForLoadState('load');
    expect(cspViolations).toEqual([]);
    expect(await bodyEditor(page).innerText()).toContain('Related story: Older Flood Story');
    await context.close();
    expect(cspViolations).toEqual([]);
  });

  it('the story form with the editor and its panels open, the revisions and the diff pages have no axe violations', { timeout: 90_000 }, async () => {
    const id = await createStory(t.actions, SYSTEM, storyInput({ headline: 'Accessible Story' }));
    // axe is injected inline, for this test only; the site's own CSP is checked in the tests above.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await signInByKeyboard(page, base, 'editor@example.org');
    await page.goto(`${base}/newsroom/stories/${id}`);
    await bodyEditor(page).click();
    await page.keyboard.press('Control+Shift+B');
    await page.getByRole('button', { name: 'Media', exact: true }).click();
    await page.getByRole('combobox', { name: 'Find a media item' }).fill('x');
    expect(await violationsHere(page)).toEqual([]);
    const revision = (await t.store.read.revisions.list(id, 1, 0)).items[0]!.id;
    for (const url of [`/newsroom/stories/${id}/revisions`, `/newsroom/stories/${id}/revisions/diff?from=${revision}&to=${revision}`, '/newsroom/stories/new']) {
      expect(await violations(page, base + url, 200), url).toEqual([]);
    }
    await context.close();
  });
});
