import { describe, expect, it } from 'vitest';
import { fromPlainText, toPlainText } from '../../src/domain/body/plain-text-body.js';
import type { StoryInput } from '../../src/domain/story/parse-story.js';
import { diffRevisions } from '../../src/domain/story/revision.js';
import { mayAttempt, THROTTLE } from '../../src/domain/user/throttle.js';
import { can, readableServices } from '../../src/domain/user/permissions.js';
import { systemActor, userActor, type Role } from '../../src/domain/user/user.js';

const as = (role: Role, serviceCode: string | null, id = 7) => userActor({ id, grants: [{ role, serviceCode }] });

describe('who may do what', () => {
  it('lets an admin do everything, everywhere', () => {
    expect(can(as('admin', null), 'user.manage')).toBe(true);
    expect(can(as('admin', null), 'story.publish', { serviceCode: 'fa' })).toBe(true);
  });

  it('keeps editors to their own service', () => {
    expect(can(as('editor', 'en'), 'story.publish', { serviceCode: 'en' })).toBe(true);
    expect(can(as('editor', 'en'), 'story.publish', { serviceCode: 'ru' })).toBe(false);
    expect(can(as('editor', 'en'), 'user.manage')).toBe(false);
  });

  it('lets reporters write and file their own drafts, and never publish', () => {
    const reporter = as('reporter', 'en', 7);
    expect(can(reporter, 'story.edit', { serviceCode: 'en', authorId: 7, status: 'draft' })).toBe(true);
    expect(can(reporter, 'story.edit', { serviceCode: 'en', authorId: 8, status: 'draft' })).toBe(false);
    expect(can(reporter, 'story.edit', { serviceCode: 'en', authorId: 7, status: 'published' })).toBe(false);
    expect(can(reporter, 'story.publish', { serviceCode: 'en' })).toBe(false);
    expect(can(reporter, 'story.publish')).toBe(false);
  });

  it('gives moderators comments only', () => {
    expect(can(as('moderator', 'en'), 'comments.set-state', { serviceCode: 'en' })).toBe(true);
    expect(can(as('moderator', 'en'), 'story.edit', { serviceCode: 'en' })).toBe(false);
    expect(can(as('moderator', 'en'), 'alert.create', { serviceCode: 'en' })).toBe(false);
  });

  it('lets the system act, and tells which services a user reads', () => {
    expect(can(systemActor('test'), 'user.manage')).toBe(true);
    expect(readableServices(userActor({ id: 1, grants: [{ role: 'editor', serviceCode: 'en' }, { role: 'moderator', serviceCode: 'ru' }] }))).toEqual(['en', 'ru']);
    expect(readableServices(as('admin', null))).toBeNull();
    expect(can(userActor({ id: 1, grants: [] }), 'story.read')).toBe(false);
  });
});

describe('sign-in throttling', () => {
  it('lets attempts through up to the limit, and none while a lock holds', () => {
    const t0 = new Date('2026-11-29T12:00:00Z');
    expect(mayAttempt({ attempts: 3, lockedUntil: null }, t0, 3)).toBe(true);
    expect(mayAttempt({ attempts: 4, lockedUntil: new Date(t0.getTime() + THROTTLE.lockMs) }, t0, 3)).toBe(false);
    expect(mayAttempt({ attempts: 4, lockedUntil: null }, t0, 3)).toBe(false);
    expect(mayAttempt({ attempts: 1, lockedUntil: new Date(t0.getTime() + 1) }, t0, 3)).toBe(false);
  });
});

describe('revisions and the plain body', () => {
  const base: StoryInput = {
    serviceCode: 'en',
    sectionId: null,
    slug: 'a',
    headline: 'Before',
    deck: null,
    dateline: null,
    bylines: [],
    credits: [],
    body: fromPlainText('One.\n\n## Two\n\nThree.'),
    leadMediaId: null,
    tagIds: [],
    commentsState: 'open',
  };

  it('diffs per field and per body element, readably', () => {
    const after = { ...base, headline: 'After', body: fromPlainText('One.\n\n## Two and a half') };
    expect(diffRevisions(base, after)).toEqual([
      { kind: 'field', field: 'headline', before: 'Before', after: 'After' },
      { kind: 'element', index: 1, change: 'changed', before: 'subheading: Two', after: 'subheading: Two and a half' },
      { kind: 'element', index: 2, change: 'removed', before: 'paragraph: Three.', after: null },
    ]);
  });

  it('turns plain text into paragraphs and subheadings and back', () => {
    expect(base.body.map((e) => e.type)).toEqual(['paragraph', 'subheading', 'paragraph']);
    expect(toPlainText(base.body)).toBe('One.\n\n## Two\n\nThree.');
    expect(toPlainText([{ type: 'media', mediaId: 1 }])).toBeNull();
  });
});

describe('who keeps profiles', () => {
  it("lets editors keep their service's profiles, and only admins the shared ones", () => {
    expect(can(as('editor', 'en'), 'profile.edit', { serviceCode: 'en' })).toBe(true);
    expect(can(as('editor', 'en'), 'profile.edit', { serviceCode: 'ru' })).toBe(false);
    expect(can(as('editor', 'en'), 'profile.edit', { serviceCode: null })).toBe(false);
    expect(can(as('admin', null), 'profile.edit', { serviceCode: null })).toBe(true);
    expect(can(as('reporter', 'en'), 'profile.edit', { serviceCode: 'en' })).toBe(false);
  });

  it('leaves services and sections to admins', () => {
    expect(can(as('editor', 'en'), 'service.manage')).toBe(false);
    expect(can(as('admin', null), 'service.manage')).toBe(true);
  });
});
