import { describe, expect, it } from 'vitest';
import type { BodyElement } from '../../src/domain/body/body.js';
import { align } from '../../src/domain/shared/align.js';
import { diffBodies } from '../../src/domain/story/revision.js';

const p = (text: string): BodyElement => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const photo = (mediaId: number): BodyElement => ({ type: 'media', mediaId });

describe('the body diff aligns blocks', () => {
  const before = [p('One.'), p('Two.'), p('Three.'), p('Four.')];

  it('shows one inserted photo as one insertion, the later paragraphs unchanged', () => {
    const after = [p('One.'), photo(7), p('Two.'), p('Three.'), p('Four.')];
    expect(diffBodies(before, after)).toEqual([{ kind: 'element', index: 1, change: 'added', before: null, after: 'media: 7' }]);
  });

  it('shows one removed paragraph as one removal', () => {
    expect(diffBodies(before, [p('One.'), p('Three.'), p('Four.')])).toEqual([
      { kind: 'element', index: 1, change: 'removed', before: 'paragraph: Two.', after: null },
    ]);
  });

  it('pairs a reworded paragraph as changed, next to an inserted photo', () => {
    const after = [photo(3), p('One, reworded.'), p('Two.'), p('Three.'), p('Four.')];
    expect(diffBodies(before, after)).toEqual([
      { kind: 'element', index: 0, change: 'added', before: null, after: 'media: 3' },
      { kind: 'element', index: 1, change: 'changed', before: 'paragraph: One.', after: 'paragraph: One, reworded.' },
    ]);
  });

  it('finds a moved block as one removal and one insertion', () => {
    const after = [p('Two.'), p('Three.'), p('Four.'), p('One.')];
    const changes = diffBodies(before, after);
    expect(changes.map((c) => c.kind === 'element' && c.change)).toEqual(['removed', 'added']);
  });

  it('says nothing for the same body', () => {
    expect(diffBodies(before, [...before])).toEqual([]);
  });

  it('aligns by a longest common subsequence', () => {
    const steps = align([...'ABCBDAB'], [...'BDCABA'], (a, b) => a === b);
    expect(steps.filter((s) => s.op === 'same')).toHaveLength(4);
    expect(steps.filter((s) => s.op === 'removed')).toHaveLength(3);
    expect(steps.filter((s) => s.op === 'added')).toHaveLength(2);
  });
});
