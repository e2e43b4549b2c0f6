import { describe, expect, it } from 'vitest';
import { bodyReferences, bodyText } from '../../src/domain/body/body.js';
import { parseBody } from '../../src/domain/body/parse-body.js';
import { DomainError } from '../../src/domain/shared/errors.js';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function errorOf(input: unknown): DomainError {
  try {
    parseBody(input);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('parseBody accepted the input');
}

describe('parseBody', () => {
  it('accepts every element type the editor produces', () => {
    const body = parseBody([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Roza Otunbaeva said ', marks: ['bold', 'italic'] },
          { type: 'profile', text: '(see profile)', profileId: 4 },
          { type: 'link', text: ' Kyrgyz Service', href: 'https://www.azattyk.org/' },
          { type: 'link', text: 'home', href: '/ky/' },
        ],
      },
      { type: 'subheading', text: "Bakiev's Whereabouts Unclear" },
      { type: 'quote', content: [{ type: 'text', text: 'I do not accept any defeat.' }], attribution: 'Kurmanbek Bakiev' },
      { type: 'list', ordered: true, items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }]] },
      { type: 'media', mediaId: 2 },
      { type: 'profile', profileId: 5 },
      { type: 'related', storyId: 9 },
    ]);
    expect(body).toHaveLength(7);
    expect(bodyReferences(body)).toEqual({ profileIds: [4, 5], mediaIds: [2], storyIds: [9] });
    expect(bodyText(body)).toContain("Bakiev's Whereabouts Unclear");
  });

  it('keeps the spaces inside text runs that join up into a sentence', () => {
    const body = parseBody([{ type: 'paragraph', content: [{ type: 'text', text: 'government ' }, { type: 'profile', text: '(see profile)', profileId: 1 }, { type: 'text', text: ' after' }] }]);
    expect(bodyText(body)).toBe('government (see profile) after');
  });

  it.each([
    ['not a list', { type: 'paragraph' }, 'body'],
    ['an unknown element type', [{ type: 'script', text: 'alert(1)' }], 'body[0].type'],
    ['an unknown field', [{ type: 'subheading', text: 'Hi', html: '<b>x</b>' }], 'body[0].html'],
    ['an empty paragraph', [{ type: 'paragraph', content: [] }], 'body[0].content'],
    ['blank text', [{ type: 'subheading', text: '   ' }], 'body[0].text'],
    ['a javascript: link', [{ type: 'paragraph', content: [{ type: 'link', text: 'x', href: 'javascript:alert(1)' }] }], 'body[0].content[0].href'],
    ['a data: link', [{ type: 'paragraph', content: [{ type: 'link', text: 'x', href: 'data:text/html,<script>' }] }], 'body[0].content[0].href'],
    ['a protocol-relative link', [{ type: 'paragraph', content: [{ type: 'link', text: 'x', href: '//evil.example/' }] }], 'body[0].content[0].href'],
    ['an unknown mark', [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: ['blink'] }] }], 'body[0].content[0].marks'],
    ['a fractional media id', [{ type: 'media', mediaId: 1.5 }], 'body[0].mediaId'],
    ['a zero profile id', [{ type: 'profile', profileId: 0 }], 'body[0].profileId'],
    ['a string story id', [{ type: 'related', storyId: '3' }], 'body[0].storyId'],
    ['a list with no items', [{ type: 'list', ordered: false, items: [] }], 'body[0].items'],
    ['a list without ordered', [{ type: 'list', items: [[{ type: 'text', text: 'a' }]] }], 'body[0].ordered'],
    ['control characters', [{ type: 'subheading', text: 'bell\u0007' }], 'body[0].text'],
    ['a null element', [null], 'body[0]'],
  ])('refuses %s, naming the path at fault', (_name, input, field) => {
    const error = errorOf(input);
    expect(error.code).toBe('BODY_INVALID');
    expect(error.kind).toBe('invalid');
    expect(error.field).toBe(field);
  });

  it('refuses oversized bodies and text', () => {
    expect(errorOf(Array.from({ length: 2001 }, () => paragraph('x'))).field).toBe('body');
    expect(errorOf([paragraph('x'.repeat(20_001))]).field).toBe('body[0].content[0].text');
  });
});

describe('tables', () => {
  const text = (value: string) => [{ type: 'text', text: value }];
  const grid = (rows: number, columns: number) => Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => text(`${r}.${c}`)));

  it('keeps a rectangular table with its caption, header row and column, empty cells, and counts its text', () => {
    const body = parseBody([{ type: 'table', caption: ' Results ', headerRow: true, headerColumn: false, rows: [[text('A'), text('B')], [[], text('2')]] }]);
    expect(body[0]).toEqual({ type: 'table', caption: 'Results', headerRow: true, headerColumn: false, rows: [[text('A'), text('B')], [[], text('2')]] });
    expect(bodyText(body)).toBe('Results\nA\tB\n\t2');
    expect(parseBody([{ type: 'table', rows: grid(500, 10) }])[0]).toMatchObject({ headerRow: false, headerColumn: false });
  });

  it('refuses tables past the limits, ragged rows and unknown fields, naming the place', () => {
    expect(errorOf([{ type: 'table', rows: grid(200, 50) }]).message).toMatch(/body\[0\]\.rows has 10,000 cells: a table may have at most 5,000 cells/);
    expect(errorOf([{ type: 'table', rows: grid(501, 1) }]).message).toMatch(/has 501 rows: a table may have at most 500/);
    expect(errorOf([{ type: 'table', rows: grid(1, 51) }]).message).toMatch(/has 51 columns: a table may have at most 50/);
    expect(errorOf([{ type: 'table', rows: [[text('a'), text('b')], [text('c')]] }]).message).toMatch(/rows\[1\] has 1 cells where the first row has 2/);
    expect(errorOf([{ type: 'table', rows: [] }]).field).toBe('body[0].rows');
    expect(errorOf([{ type: 'table', rows: [[text('x'.repeat(2_001))]] }]).field).toBe('body[0].rows[0][0]');
    expect(errorOf([{ type: 'table', rows: [[text('a')]], style: 'x' }]).field).toBe('body[0].style');
    expect(errorOf([{ type: 'table', rows: [[[{ type: 'link', text: 'a', href: 'javascript:alert(1)' }]]] }]).field).toBe('body[0].rows[0][0][0].href');
  });
});

describe('embeds', () => {
  it('keeps an embed by its canonical address and refuses one that is not a post or video', () => {
    expect(parseBody([{ type: 'embed', url: 'https://youtu.be/dQw4w9WgXcQ?t=4', caption: 'Clip' }])).toEqual([
      { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', caption: 'Clip' },
    ]);
    expect(errorOf([{ type: 'embed', url: 'https://example.org/' }]).message).toMatch(/body\[0\]\.url is not from a site that can be embedded/);
    expect(errorOf([{ type: 'embed', provider: 'vimeo', url: 'https://youtu.be/dQw4w9WgXcQ' }]).field).toBe('body[0].provider');
    expect(bodyReferences(parseBody([{ type: 'embed', url: 'https://vimeo.com/76979871' }]))).toEqual({ profileIds: [], mediaIds: [], storyIds: [] });
  });
});

describe('galleries', () => {
  it('keeps 2 to 50 photos with their own captions, and names them as references', () => {
    const body = parseBody([{ type: 'gallery', items: [{ mediaId: 3, caption: ' The square ' }, { mediaId: 4, caption: '' }] }]);
    expect(body).toEqual([{ type: 'gallery', items: [{ mediaId: 3, caption: 'The square' }, { mediaId: 4 }] }]);
    expect(bodyReferences(body).mediaIds).toEqual([3, 4]);
  });

  it('refuses a gallery of one photo, of too many, or with a bad item, naming the place', () => {
    expect(errorOf([{ type: 'gallery', items: [{ mediaId: 3 }] }]).message).toMatch(/body\[0\]\.items must have at least 2 photos/);
    expect(errorOf([{ type: 'gallery', items: Array.from({ length: 51 }, (_, i) => ({ mediaId: i + 1 })) }]).message).toMatch(/at most 50 photos/);
    expect(errorOf([{ type: 'gallery', items: [{ mediaId: 3 }, { mediaId: 0 }] }]).field).toBe('body[0].items[1].mediaId');
    expect(errorOf([{ type: 'gallery', items: [{ mediaId: 3 }, { mediaId: 4, href: 'x' }] }]).field).toBe('body[0].items[1].href');
  });
});
