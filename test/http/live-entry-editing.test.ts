import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postLiveEntry } from '../../src/actions/live/live-entries.js';
import { setStoryLive } from '../../src/actions/live/set-story-live.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenPublishedStory, givenService, SYSTEM } from '../support/factories.js';
import { givenMediaItem } from '../support/media.js';
import { givenUser } from '../support/newsroom.js';

describe.each(STORE_KINDS)('editing a live entry with media or formatting in the newsroom on %s', (kind) => {
  let t: TestApp;
  let editor: Awaited<ReturnType<typeof givenUser>>;
  let storyId: number;
  let entryId: number;
  let mediaId: number;
  let desk: string;
  const richBody = () => [
    { type: 'paragraph', content: [{ type: 'text', text: 'Turnout is ' }, { type: 'text', text: 'high', marks: ['bold'] }] },
    { type: 'media', mediaId },
  ];

  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions);
    editor = await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }]);
    storyId = await givenPublishedStory(t.actions, { headline: 'Election Night', slug: 'election-night' });
    mediaId = (await givenMediaItem(t.actions, { title: 'Queue at the polls', kind: 'image' })).id;
    await setStoryLive(t.actions, SYSTEM, storyId, true);
    entryId = (await postLiveEntry(t.actions, SYSTEM, storyId, { body: richBody() })).id;
    desk = `/newsroom/stories/${storyId}/live/entries/${entryId}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  const form = (fields: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: desk, headers: { ...editor.bearer, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
  const stored = async () => (await t.store.read.liveEntries.find(entryId))!;
  const revisions = () => t.store.read.liveEntries.revisions(entryId, 100);

  it('the edit page carries the entry for the editor island, and says plainly that without JavaScript only the ticks change', async () => {
    const page = await t.app.inject({ method: 'GET', url: desk, headers: editor.bearer });
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body).toContain('id="body-editor"');
    // The editor starts from the entry's structured body, and names its media card.
    const data = /data-body="([^"]*)"/.exec(body)?.[1]?.replace(/&quot;/g, '"') ?? '';
    expect(JSON.parse(data)).toEqual(richBody());
    expect(body).toContain('Queue at the polls');
    expect(body).toMatch(/<script[^>]+src="[^"]*editor[^"]*"/);
    // No plain field that would flatten it: the page says why, and what can still be changed.
    expect(body).not.toContain('name="text"');
    expect(body).toContain('turn on JavaScript to edit it with the editor');
    expect(body).toContain('Pin to the top');
  });

  it('refuses plain text for it with a message, and changes nothing', async () => {
    const refused = await form({ text: 'Turnout is high', version: '1' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('The text was not saved');
    expect(refused.body).toContain('class="form-error"');
    const entry = await stored();
    expect(entry.version).toBe(1);
    expect(entry.body).toEqual(richBody());
    expect(await revisions()).toHaveLength(1);
  });

  it('without JavaScript the ticks change and the body stays whole, with a revision', async () => {
    expect((await form({ pinned: 'on', version: '1' })).statusCode).toBe(303);
    const entry = await stored();
    expect(entry).toMatchObject({ pinned: true, keyEvent: false, version: 2 });
    expect(entry.body).toEqual(richBody());
    expect((await revisions()).map((r) => r.kind)).toEqual(['post', 'edit']);
  });

  it('the editor’s body (bodyJson) replaces the text, keeping media and marks; the old text stays a revision and readers see the new one', async () => {
    const edited = [
      { type: 'paragraph', content: [{ type: 'text', text: 'Turnout is ' }, { type: 'text', text: 'record high', marks: ['bold', 'italic'] }] },
      { type: 'media', mediaId },
      { type: 'subheading', text: 'What it means' },
    ];
    const saved = await form({ bodyJson: JSON.stringify(edited), pinned: 'on', keyEvent: 'on', version: '2' });
    expect(saved.statusCode, saved.body).toBe(303);
    const entry = await stored();
    expect(entry).toMatchObject({ pinned: true, keyEvent: true, version: 3 });
    expect(entry.body).toEqual(edited);
    const history = await revisions();
    expect(history.map((r) => [r.kind, r.version])).toEqual([
      ['post', 1],
      ['edit', 2],
      ['edit', 3],
    ]);
    expect(history[1]!.body).toEqual(richBody());
    const reader = (await t.app.inject(`/en/a/election-night/${storyId}`)).body;
    expect(reader).toContain('record high');
    expect(reader).toContain('What it means');
  });

  it('refuses a broken or invalid editor body, or a stale version, with a clear answer, and changes nothing', async () => {
    const before = await stored();
    const broken = await form({ bodyJson: '{not json', version: '3' });
    expect(broken.statusCode).toBe(400);
    expect(broken.body).toContain('class="form-error"');
    const invalid = await form({ bodyJson: JSON.stringify([{ type: 'script', text: 'alert(1)' }]), version: '3' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('class="form-error"');
    const empty = await form({ bodyJson: '[]', version: '3' });
    expect(empty.statusCode).toBe(400);
    const stale = await form({ bodyJson: JSON.stringify(richBody()), version: '1' });
    expect(stale.statusCode).toBe(409);
    expect(await stored()).toEqual(before);
    expect(await revisions()).toHaveLength(3);
  });
});
