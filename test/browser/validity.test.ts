import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { givenUser, signInAs } from '../support/newsroom.js';
import { runNuChecker } from '../support/nu-checker.js';
import { readerPages, type ReaderPage } from '../support/reader-pages.js';

describe('every reader page type is valid HTML (Nu HTML checker)', () => {
  let t: TestApp;
  let dir: string;
  let pages: ReaderPage[];

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-validity-'));
    pages = await readerPages(t);
  });
  afterAll(async () => {
    await t?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has no errors on any page', async () => {
    const fileToUrl = new Map<string, string>();
    for (const [index, page] of pages.entries()) {
      const response = await t.app.inject({ method: 'GET', url: page.url });
      expect(response.statusCode, page.url).toBe(page.status);
      expect(response.headers['content-type'], page.url).toBe('text/html; charset=utf-8');
      const file = path.join(dir, `page-${String(index).padStart(2, '0')}.html`);
      fs.writeFileSync(file, response.body);
      fileToUrl.set(`file:${file}`, page.url);
    }

    const messages = await runNuChecker([...fileToUrl.keys()].map((url) => url.slice('file:'.length)));
    const errors = messages
      .filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error')
      .map((m) => {
        const url = (m.url && fileToUrl.get(m.url)) ?? m.url ?? '?';
        return `${url}:${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'} ${m.message}${m.extract ? ` [${m.extract.trim()}]` : ''}`;
      });
    expect(errors).toEqual([]);
  });

  it('has no errors on the newsroom story pages (form with a rich body, new story, revisions, diff, preview)', async () => {
    await givenUser(t.actions, 'validity-admin', [{ role: 'admin', serviceCode: null }], { withPassword: true });
    const session = await signInAs(t, 'validity-admin@example.org');
    const story = pages.find((page) => page.name === 'reference story');
    const id = Number(story?.url.split('/').pop());
    const revision = (await t.store.read.revisions.list(id, 1, 0)).items[0]?.id ?? 1;
    const urls = [
      `/newsroom/stories/${id}`,
      '/newsroom/stories/new',
      `/newsroom/stories/${id}/revisions`,
      `/newsroom/stories/${id}/revisions/diff?from=${revision}&to=${revision}`,
      `/newsroom/stories/${id}/preview`,
    ];
    const fileToUrl = new Map<string, string>();
    for (const [index, url] of urls.entries()) {
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
      expect(response.statusCode, url).toBe(200);
      const file = path.join(dir, `newsroom-${index}.html`);
      fs.writeFileSync(file, response.body);
      fileToUrl.set(`file:${file}`, url);
    }
    const messages = await runNuChecker([...fileToUrl.keys()].map((url) => url.slice('file:'.length)));
    const errors = messages
      .filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error')
      .map((m) => `${(m.url && fileToUrl.get(m.url)) ?? m.url ?? '?'}:${m.lastLine ?? '?'} ${m.message}`);
    expect(errors).toEqual([]);
  });
});
