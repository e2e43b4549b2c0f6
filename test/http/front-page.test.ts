import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRead, dayOf } from '../../src/actions/reader/count-read.js';
import { createStory } from '../../src/actions/stories/create-story.js';
import { storyPath } from '../../src/domain/story/story-path.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenPublishedStory, givenService, storyInput, SYSTEM } from '../support/factories.js';
import { API, givenUser, signInAs } from '../support/newsroom.js';

describe.each(STORE_KINDS)('the front page chosen by editors, and "most read", on %s', (kind) => {
  let t: TestApp;
  let editor: Awaited<ReturnType<typeof givenUser>>;
  let reporter: Awaited<ReturnType<typeof givenUser>>;
  let older: number;
  let newer: number;
  let russian: number;
  let draft: number;

  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions, 'en');
    await givenService(t.actions, 'ru');
    older = await givenPublishedStory(t.actions, { headline: 'An Older Story Chosen To Lead' }, 120);
    newer = await givenPublishedStory(t.actions, { headline: 'The Newest Story' }, 5);
    russian = await givenPublishedStory(t.actions, { serviceCode: 'ru', headline: 'Русский материал' }, 5);
    draft = await createStory(t.actions, SYSTEM, storyInput({ headline: 'A Draft' }));
    editor = await givenUser(t.actions, 'front-editor', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
    reporter = await givenUser(t.actions, 'front-reporter', [{ role: 'reporter', serviceCode: 'en' }]);
  });
  afterAll(async () => t.close());

  const api = (method: 'GET' | 'PUT', url: string, payload: unknown, headers: Record<string, string>) =>
    t.app.inject({ method, url: API + url, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const leadHeadline = async () => /<section class="front-lead"[\s\S]*?<h2><a href="[^"]+">([^<]+)<\/a>/.exec((await t.app.inject('/en/')).body)?.[1];

  it('leads with the newest story until an editor chooses, then with the chosen one', async () => {
    expect(await leadHeadline()).toBe('The Newest Story');
    const put = await api('PUT', '/services/en/front-page', { storyIds: [older] }, editor.bearer);
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ storyIds: [older] });
    expect((await api('GET', '/services/en/front-page', undefined, editor.bearer)).json()).toEqual({ storyIds: [older] });
    expect(await leadHeadline()).toBe('An Older Story Chosen To Lead');
    // Each story once: the newest follows as a top story.
    const home = (await t.app.inject('/en/')).body;
    expect(home.match(/An Older Story Chosen To Lead/g)).toHaveLength(1);
    expect(home).toContain('The Newest Story');
  });

  it('refuses a reporter, another service\'s editor choice, and bad choices, changing nothing', async () => {
    expect((await api('PUT', '/services/en/front-page', { storyIds: [newer] }, reporter.bearer)).statusCode).toBe(403);
    expect((await api('PUT', '/services/ru/front-page', { storyIds: [russian] }, editor.bearer)).statusCode).toBe(403);
    for (const storyIds of [[russian], [draft], [newer, newer], [1, 2, 3, 4, 5], [999999], ['x'], [0]]) {
      const response = await api('PUT', '/services/en/front-page', { storyIds }, editor.bearer);
      expect(response.statusCode, JSON.stringify(storyIds)).toBe(400);
    }
    expect((await api('PUT', '/services/en/front-page', { storyIds: [newer], extra: 1 }, editor.bearer)).statusCode).toBe(400);
    expect((await api('GET', '/services/en/front-page', undefined, editor.bearer)).json()).toEqual({ storyIds: [older] });
  });

  it('lets an editor choose in the newsroom form', async () => {
    const session = await signInAs(t, 'front-editor@example.org');
    const form = await t.app.inject({ method: 'GET', url: '/newsroom/front?service=en', headers: { cookie: session.cookie } });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<label for="front-0">Lead story</label>');
    const saved = await t.app.inject({
      method: 'POST',
      url: '/newsroom/front',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrfToken, serviceCode: 'en', story0: String(newer), story1: String(older), story2: '', story3: '' }).toString(),
    });
    expect(saved.statusCode).toBe(303);
    expect((await api('GET', '/services/en/front-page', undefined, editor.bearer)).json()).toEqual({ storyIds: [newer, older] });
    expect(await leadHeadline()).toBe('The Newest Story');
    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/newsroom/front',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrfToken, serviceCode: 'en', story0: String(older), story1: String(older) }).toString(),
    });
    expect(duplicate.statusCode).toBe(400);
    expect((await api('GET', '/services/en/front-page', undefined, editor.bearer)).json()).toEqual({ storyIds: [newer, older] });
  });

  it('counts reads through the beacon, every one of many at once, and lists the most read', async () => {
    expect((await t.app.inject('/en/')).body).not.toContain('class="most-read"');
    const story = await t.store.read.stories.findById(older);
    if (!story) throw new Error('no story');
    expect((await t.app.inject(storyPath(story))).body).toContain(`<img class="read-beacon" src="/en/read/${older}" width="1" height="1" alt/>`);
    const beacons = await Promise.all(Array.from({ length: 30 }, () => t.app.inject(`/en/read/${older}`)));
    for (const beacon of beacons) {
      expect(beacon.statusCode).toBe(200);
      expect(beacon.headers['content-type']).toBe('image/gif');
      expect(beacon.headers['cache-control']).toBe('no-store');
      expect(beacon.headers['set-cookie']).toBeUndefined();
    }
    await countRead(t.actions, 'en', newer);
    const day = dayOf(t.clock.now());
    expect(await t.store.read.frontPage.readsOf(older, day)).toBe(30);
    expect(await t.store.read.frontPage.readsOf(newer, day)).toBe(1);
    // A draft or an unknown id counts nothing and answers the same; what is no id at all is not found.
    for (const url of [`/en/read/${draft}`, '/en/read/999999']) expect((await t.app.inject(url)).statusCode).toBe(200);
    // A story's id under another service's address is not its page's beacon: answered the same, counted nowhere.
    for (const url of [`/ru/read/${older}`, `/zz/read/${older}`]) expect((await t.app.inject(url)).statusCode).toBe(200);
    // A beacon with a query is not the page's beacon either (a cache-busting or replayed address): refused, counted nowhere.
    for (const url of [`/en/read/${older}?n=1`, `/en/read/${older}?utm_source=x`]) expect((await t.app.inject(url)).statusCode, url).toBe(400);
    expect(await t.store.read.frontPage.readsOf(older, day)).toBe(30);
    expect((await t.app.inject('/en/read/abc')).statusCode).toBe(404);
    expect(await t.store.read.frontPage.readsOf(draft, day)).toBe(0);
    // The home page refreshes "most read" by itself within five minutes.
    t.clock.advance(5 * 60_000 + 1000);
    const home = (await t.app.inject('/en/')).body;
    const mostRead = /<section class="most-read"[\s\S]*?<\/section>/.exec(home)?.[0] ?? '';
    expect([...mostRead.matchAll(/<a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1])).toEqual(['An Older Story Chosen To Lead', 'The Newest Story']);
    expect((await t.app.inject('/ru/')).body).not.toContain('class="most-read"');
  });
});
