import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStory } from '../../src/actions/stories/create-story.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenService, storyInput, SYSTEM } from '../support/factories.js';
import { API, givenUser } from '../support/newsroom.js';

describe.each(STORE_KINDS)('bad input to the admin API on %s', (kind) => {
  let t: TestApp;
  let editor: Awaited<ReturnType<typeof givenUser>>;
  let storyId: number;
  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions);
    editor = await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }]);
    storyId = await createStory(t.actions, SYSTEM, storyInput({ headline: 'As It Was' }));
  });
  afterAll(async () => t.close());

  /** Everything a bad request could have touched. */
  const snapshot = async () => ({
    stories: await t.store.read.stories.listForNewsroom({ serviceCodes: null, limit: 100, offset: 0 }),
    story: await t.store.read.stories.findById(storyId),
    revisions: await t.store.read.revisions.list(storyId, 100, 0),
  });
  const send = (method: 'POST' | 'PUT', url: string, payload: unknown) =>
    t.app.inject({ method, url: API + url, headers: editor.bearer, payload: payload as Record<string, unknown> });

  const CASES: { name: string; method: 'POST' | 'PUT'; url: () => string; payload: unknown; status: number; code: string; field?: string }[] = [
    { name: 'an oversized headline', method: 'POST', url: () => '/stories', payload: storyInput({ headline: 'x'.repeat(301) }), status: 400, code: 'FIELD_TOO_LONG', field: 'headline' },
    {
      name: 'a script element in the body',
      method: 'POST',
      url: () => '/stories',
      payload: storyInput({ body: [{ type: 'script', text: 'alert(1)' }] }),
      status: 400,
      code: 'BODY_INVALID',
    },
    {
      name: 'a javascript: link in a paragraph',
      method: 'PUT',
      url: () => `/stories/${storyId}`,
      payload: { ...storyInput({ body: [{ type: 'paragraph', content: [{ type: 'link', text: 'x', href: 'javascript:alert(1)' }] }] }), version: 1 },
      status: 400,
      code: '*',
    },
    { name: 'an unknown field', method: 'PUT', url: () => `/stories/${storyId}`, payload: { ...storyInput(), version: 1, status: 'published' }, status: 400, code: 'FIELD_UNKNOWN', field: 'status' },
    { name: 'a missing version', method: 'PUT', url: () => `/stories/${storyId}`, payload: storyInput(), status: 400, code: 'FIELD_REQUIRED', field: 'version' },
    { name: 'an unknown story', method: 'PUT', url: () => '/stories/999999', payload: { ...storyInput(), version: 1 }, status: 404, code: 'STORY_NOT_FOUND' },
    { name: 'an unknown story to publish', method: 'POST', url: () => '/stories/999999/publish', payload: {}, status: 404, code: 'STORY_NOT_FOUND' },
    { name: 'an unknown section', method: 'POST', url: () => '/stories', payload: storyInput({ sectionId: 999999 }), status: 404, code: 'SECTION_NOT_FOUND', field: 'sectionId' },
    { name: 'a publish time that is not a time', method: 'POST', url: () => `/stories/${storyId}/publish`, payload: { at: 'tomorrow-ish' }, status: 400, code: 'FIELD_INVALID', field: 'at' },
    { name: 'a non-numeric id', method: 'POST', url: () => '/stories/abc/file', payload: undefined, status: 400, code: 'REQUEST_INVALID' },
    { name: 'an unknown alert', method: 'POST', url: () => '/alerts/999999/expire', payload: undefined, status: 404, code: 'ALERT_NOT_FOUND' },
    { name: 'an alert of no service', method: 'POST', url: () => '/alerts', payload: { serviceCode: 'xx', text: 'Hi', durationMinutes: 5 }, status: 403, code: 'FORBIDDEN' },
    { name: 'a week-long-plus alert', method: 'POST', url: () => '/alerts', payload: { serviceCode: 'en', text: 'Hi', durationMinutes: 99_999 }, status: 400, code: 'REQUEST_INVALID', field: 'durationMinutes' },
  ];

  for (const c of CASES) {
    it(`refuses ${c.name} with ${c.status} and changes nothing`, async () => {
      const before = await snapshot();
      const response = await send(c.method, c.url(), c.payload);
      expect(response.statusCode).toBe(c.status);
      const error = response.json().error as { code: string; field: string | null };
      if (c.code !== '*') expect(error.code).toBe(c.code);
      if (c.field) expect(error.field).toBe(c.field);
      expect(await snapshot()).toEqual(before);
    });
  }
});
