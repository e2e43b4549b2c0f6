import { describe, expect, it } from 'vitest';
import { parseStoryInput } from '../../src/domain/story/parse-story.js';
import { leadMediaText } from '../../src/domain/story/lead-media-text.js';
import { diffRevisions } from '../../src/domain/story/revision.js';
import { storyInput } from '../support/factories.js';

describe("a story's own caption and credit for its lead media", () => {
  it('is trimmed; blank means the media item’s own; too long is refused naming the field', () => {
    expect(parseStoryInput(storyInput({ leadMediaCaption: '  At noon  ', leadMediaCredit: '   ' }))).toMatchObject({ leadMediaCaption: 'At noon', leadMediaCredit: null });
    expect(parseStoryInput(storyInput())).toMatchObject({ leadMediaCaption: null, leadMediaCredit: null });
    expect(() => parseStoryInput(storyInput({ leadMediaCaption: 'c'.repeat(2_001) }))).toThrow('the caption of the lead media must be at most 2000 characters');
    expect(() => parseStoryInput(storyInput({ leadMediaCredit: 'c'.repeat(201) }))).toThrow('the credit of the lead media must be at most 200 characters');
    expect(() => parseStoryInput(storyInput({ leadMediaCaption: 42 }))).toThrow('leadMediaCaption must be text');
  });

  it('falls back field by field to the media item’s', () => {
    const item = { caption: 'Item caption', credit: 'Item credit' };
    expect(leadMediaText({ leadMediaCaption: 'Own caption', leadMediaCredit: null }, item)).toEqual({ caption: 'Own caption', credit: 'Item credit' });
    expect(leadMediaText({ leadMediaCaption: null, leadMediaCredit: null }, item)).toEqual(item);
    expect(leadMediaText({ leadMediaCaption: null, leadMediaCredit: 'Own' }, undefined)).toEqual({ caption: null, credit: 'Own' });
  });

  it('shows in a revision diff, and a revision saved before the fields existed reads as none', () => {
    const before = parseStoryInput(storyInput());
    const after = parseStoryInput(storyInput({ leadMediaCaption: 'Own caption' }));
    expect(diffRevisions(before, after)).toEqual([{ kind: 'field', field: 'leadMediaCaption', before: '', after: 'Own caption' }]);
    const { leadMediaCaption: _c, leadMediaCredit: _d, ...old } = before;
    expect(diffRevisions(old, before)).toEqual([]);
  });
});
