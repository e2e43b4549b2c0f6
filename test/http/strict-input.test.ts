import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory } from '../../src/actions/stories/create-story.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { GENEROUS_LIMITS } from '../support/comments.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenPublishedStory, givenService, storyInput, SYSTEM } from '../support/factories.js';
import { API, givenUser, signInAs } from '../support/newsroom.js';
import { ReaderSession } from '../support/reader-session.js';

const json = { 'content-type': 'application/json' };
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe.each(STORE_KINDS)('text that is not well-formed Unicode is refused with 400, changing nothing, on %s', (kind) => {
  let t: TestApp;
  let editor: Awaited<ReturnType<typeof givenUser>>;
  let comments: string;
  let storyId: number;
  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false, rateLimits: GENEROUS_LIMITS, workMaxNumber: 300 });
    await givenService(t.actions);
    editor = await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
    storyId = await givenPublishedStory(t.actions);
    comments = `/en/a/parliament-votes-on-budget/${storyId}/comments`;
  });
  afterAll(async () => t.close());

  const profiles = async () => (await t.store.read.profiles.search({ terms: [], limit: 50 })).items.length;

  it('refuses a lone surrogate in a JSON string or key (Admin API and the comments island)', async () => {
    const before = await profiles();
    for (const payload of ['{"kind":"person","serviceCode":"en","name":"Ro\\ud800za"}', '{"kind":"person","serviceCode":"en","name":"\\udc00"}', '{"kind":"person","serviceCode":"en","name":"Roza","\\ud83dx":1}']) {
      const response = await t.app.inject({ method: 'POST', url: `${API}/profiles`, headers: { ...json, ...editor.bearer }, payload });
      expect(response.statusCode, payload).toBe(400);
      expect(response.json().error.code).toBe('TEXT_ENCODING_INVALID');
    }
    expect((await t.app.inject({ method: 'POST', url: `${API}/profiles`, headers: { ...json, ...editor.bearer }, payload: '{"kind":"person","serviceCode":"en","name":"Ro\\ud83d\\ude00za"}' })).statusCode).toBe(201);
    expect(await profiles()).toBe(before + 1);

    const reader = new ReaderSession(t.app);
    await reader.request({ method: 'GET', url: comments });
    const stored = await t.store.read.comments.countByStory(storyId);
    const posted = await t.app.inject({
      method: 'POST',
      url: comments,
      headers: { ...json, accept: 'application/json', cookie: reader.cookieHeader },
      payload: '{"authorName":"Ed\\ud800","body":"Hello there"}',
    });
    expect(posted.statusCode).toBe(400);
    expect(posted.body).toContain('TEXT_ENCODING_INVALID');
    expect(await t.store.read.comments.countByStory(storyId)).toBe(stored);
  });

  it('refuses bytes that are not UTF-8 in a JSON body', async () => {
    const before = await profiles();
    const payload = Buffer.concat([Buffer.from('{"kind":"person","serviceCode":"en","name":"Ro'), Buffer.from([0xff, 0xfe]), Buffer.from('za"}')]);
    const response = await t.app.inject({ method: 'POST', url: `${API}/profiles`, headers: { ...json, ...editor.bearer }, payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('TEXT_ENCODING_INVALID');
    expect(await profiles()).toBe(before);
  });

  it('refuses form fields that are not UTF-8, raw or percent-escaped (newsroom and comment forms)', async () => {
    const session = await signInAs(t, editor.email);
    const alerts = async () => (await t.store.read.alerts.listForService('en', 50, 0)).length;
    const before = await alerts();
    for (const text of [Buffer.from('text=Polls%FFclose'), Buffer.from('text=Polls%C0%80close'), Buffer.concat([Buffer.from('text=Polls'), Buffer.from([0xc3, 0x28]), Buffer.from('close')])]) {
      const payload = Buffer.concat([Buffer.from(`_csrf=${encodeURIComponent(session.csrfToken)}&serviceCode=en&durationMinutes=30&`), text]);
      const response = await t.app.inject({ method: 'POST', url: '/newsroom/alerts', headers: { ...form, cookie: session.cookie }, payload });
      expect(response.statusCode, text.toString('latin1')).toBe(400);
      expect(response.body).toContain('not well-formed UTF-8');
    }
    expect(await alerts()).toBe(before);

    const reader = new ReaderSession(t.app);
    const page = await reader.request({ method: 'GET', url: comments });
    const token = /name="_form" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const stored = await t.store.read.comments.countByStory(storyId);
    const posted = await t.app.inject({
      method: 'POST',
      url: comments,
      headers: { ...form, cookie: reader.cookieHeader },
      payload: `_form=${encodeURIComponent(token)}&authorName=Ed%FF&body=Hello%20there`,
    });
    expect(posted.statusCode).toBe(400);
    expect(await t.store.read.comments.countByStory(storyId)).toBe(stored);
  });

  it('refuses multipart text fields that were not UTF-8', async () => {
    const session = await signInAs(t, editor.email);
    const boundary = 'dateline-test-boundary';
    const part = (name: string, value: Buffer) =>
      Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`), value, Buffer.from('\r\n')]);
    const payload = Buffer.concat([
      part('_csrf', Buffer.from(session.csrfToken)),
      part('title', Buffer.concat([Buffer.from('The square'), Buffer.from([0xff])])),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const response = await t.app.inject({
      method: 'POST',
      url: '/newsroom/media',
      headers: { cookie: session.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('title is not well-formed UTF-8');
  });

  it('refuses publishing more than a week back with a clear 400, changing nothing', async () => {
    const id = await createStory(t.actions, SYSTEM, storyInput({ headline: 'Backdated' }));
    const response = await t.app.inject({ method: 'POST', url: `${API}/stories/${id}/publish`, headers: editor.bearer, payload: { at: '0001-01-01T00:00:00Z' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'PUBLISH_TIME_TOO_EARLY', field: 'at' });
    expect((await t.store.read.stories.findById(id))?.status).toBe('draft');
  });
});
