import { describe, expect, it } from 'vitest';
import { formatDuration, formatPosition, isoDuration } from '../../src/domain/media/duration.js';
import { DomainError } from '../../src/domain/shared/errors.js';
import { slugify } from '../../src/domain/shared/text.js';
import { parseStoryInput } from '../../src/domain/story/parse-story.js';
import { formatDateline, isVisibleToReaders } from '../../src/domain/story/story.js';
import { storyPath } from '../../src/domain/story/story-path.js';

describe('stories', () => {
  it('prints the dateline as the reference page does', () => {
    expect(formatDateline({ place: 'Bishkek', outlet: 'RFE/RL' })).toBe('BISHKEK (RFE/RL) --');
  });

  it('makes slugs in every script, and a stable path from id and slug', () => {
    expect(slugify("Kyrgyz President Won't Back Down, As Opposition Claims Power")).toBe(
      'kyrgyz-president-wont-back-down-as-opposition-claims-power',
    );
    expect(slugify('Снегопад в Москве: пробки 9 баллов')).toBe('снегопад-в-москве-пробки-9-баллов');
    expect(slugify('آلودگی هوا در تهران')).toBe('آلودگی-هوا-در-تهران');
    expect(slugify('!!!')).toBe('item');
    expect(storyPath({ serviceCode: 'ru', slug: 'снег', id: 7 })).toBe('/ru/a/%D1%81%D0%BD%D0%B5%D0%B3/7');
  });

  it('derives the slug from the headline when none is given', () => {
    const story = parseStoryInput({ serviceCode: 'en', headline: 'Hello World', body: [] });
    expect(story.slug).toBe('hello-world');
    expect(story.commentsState).toBe('open');
  });

  it.each([
    [{ serviceCode: 'en', headline: '' }, 'headline'],
    [{ serviceCode: 'en', headline: 'x'.repeat(301) }, 'headline'],
    [{ serviceCode: 'en', headline: 'Ok', slug: 'Not A Slug!' }, 'slug'],
    [{ serviceCode: 'en', headline: 'Ok', dateline: { place: 'Prague' } }, 'dateline.outlet'],
    [{ serviceCode: 'en', headline: 'Ok', dateline: { place: 'Prague', outlet: 'X', extra: 1 } }, 'dateline.extra'],
    [{ serviceCode: 'en', headline: 'Ok', bylines: 'me' }, 'bylines'],
    [{ serviceCode: 'en', headline: 'Ok', tagIds: [1, -2] }, 'tagIds[1]'],
    [{ serviceCode: 'en', headline: 'Ok', commentsState: 'maybe' }, 'commentsState'],
    [{ serviceCode: 'en', headline: 'Ok', status: 'published' }, 'status'],
    [{ serviceCode: 'en', headline: 'Ok', body: [{ type: 'marquee' }] }, 'body[0].type'],
  ])('refuses a bad story field (%j)', (input, field) => {
    try {
      parseStoryInput(input);
      expect.unreachable('the story was accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).field).toBe(field);
    }
  });

  it('shows a story to readers only once published and its time has come', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    expect(isVisibleToReaders({ status: 'published', publishedAt: new Date('2026-11-29T11:00:00Z') }, now)).toBe(true);
    expect(isVisibleToReaders({ status: 'published', publishedAt: new Date('2026-11-29T13:00:00Z') }, now)).toBe(false);
    expect(isVisibleToReaders({ status: 'draft', publishedAt: null }, now)).toBe(false);
    expect(isVisibleToReaders({ status: 'unpublished', publishedAt: new Date('2026-11-29T11:00:00Z') }, now)).toBe(false);
  });

  it('formats player times as the reference page shows them', () => {
    expect(formatPosition(0)).toBe('0:00');
    expect(formatDuration(84_000)).toBe('0:01:24');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
    expect(formatPosition(125_400)).toBe('2:05');
    expect(isoDuration(84_000)).toBe('PT1M24S');
  });
});
