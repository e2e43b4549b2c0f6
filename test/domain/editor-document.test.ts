import { describe, expect, it } from 'vitest';
import type { Body } from '../../src/domain/body/body.js';
import { bodyToDoc, docToBody, type EditorNode } from '../../src/domain/body/editor-document.js';
import { DomainError } from '../../src/domain/shared/errors.js';

const EVERY_ELEMENT: Body = [
  {
    type: 'paragraph',
    content: [
      { type: 'text', text: 'Roza Otunbaeva ', marks: ['bold'] },
      { type: 'text', text: 'said', marks: ['bold', 'italic'] },
      { type: 'text', text: ' on Thursday ' },
      { type: 'profile', text: '(see profile)', profileId: 4 },
      { type: 'link', text: ' Kyrgyz Service', href: 'https://www.azattyk.org/' },
      { type: 'link', text: 'home', href: '/ky/', marks: ['italic'] },
    ],
  },
  { type: 'subheading', text: "Bakiev's Whereabouts Unclear" },
  { type: 'quote', content: [{ type: 'text', text: 'I do not accept any defeat.' }], attribution: 'Kurmanbek Bakiev' },
  { type: 'quote', content: [{ type: 'text', text: 'No one said it.', marks: ['italic'] }] },
  { type: 'list', ordered: true, items: [[{ type: 'text', text: 'one' }], [{ type: 'link', text: 'two', href: 'mailto:desk@example.org' }]] },
  { type: 'list', ordered: false, items: [[{ type: 'profile', text: 'Otunbaeva', profileId: 4 }]] },
  { type: 'media', mediaId: 2 },
  { type: 'profile', profileId: 5 },
  { type: 'related', storyId: 9 },
  {
    type: 'table',
    caption: 'Turnout by region',
    headerRow: true,
    headerColumn: true,
    rows: [
      [[{ type: 'text', text: 'Region' }], [{ type: 'text', text: 'Turnout' }]],
      [[{ type: 'text', text: 'Osh' }], [{ type: 'text', text: '61%', marks: ['bold'] }]],
      [[{ type: 'link', text: 'Chuy', href: '/ky/' }], []],
    ],
  },
  { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', caption: 'The address' },
];

function refusal(doc: EditorNode): DomainError {
  try {
    docToBody(doc);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('docToBody accepted the document');
}

const doc = (...content: EditorNode[]): EditorNode => ({ type: 'doc', content });
const p = (...content: EditorNode[]): EditorNode => ({ type: 'paragraph', content });
const text = (value: string, ...marks: EditorNode['marks'][]): EditorNode => ({ type: 'text', text: value, ...(marks[0] ? { marks: marks[0] } : {}) });

describe('the editor document and the body', () => {
  it('round-trips every element type, mark, link, profile link, quote attribution, list kind and card', () => {
    expect(docToBody(bodyToDoc(EVERY_ELEMENT))).toEqual(EVERY_ELEMENT);
    // And each element alone, so one failing kind names itself.
    for (const element of EVERY_ELEMENT) expect(docToBody(bodyToDoc([element]))).toEqual([element]);
  });

  it('gives the editor the nodes it knows, with the labels of cards', () => {
    const editorDoc = bodyToDoc(EVERY_ELEMENT, { media: { 2: 'Bishkek, the day after' }, profiles: { 5: 'Roza Otunbaeva' }, stories: { 9: 'Older story' } });
    expect(editorDoc.content?.map((node) => node.type)).toEqual([
      'paragraph',
      'heading',
      'blockquote',
      'blockquote',
      'orderedList',
      'bulletList',
      'mediaEmbed',
      'profileCard',
      'relatedStory',
      'table',
      'embed',
    ]);
    expect(editorDoc.content?.[9]?.content?.[0]?.content?.map((cell) => cell.type)).toEqual(['tableHeader', 'tableHeader']);
    expect(editorDoc.content?.[9]?.content?.[1]?.content?.map((cell) => cell.type)).toEqual(['tableHeader', 'tableCell']);
    expect(editorDoc.content?.[2]?.attrs).toEqual({ attribution: 'Kurmanbek Bakiev' });
    expect(editorDoc.content?.[6]?.attrs).toEqual({ mediaId: 2, label: 'Bishkek, the day after' });
    expect(editorDoc.content?.[8]?.attrs).toEqual({ storyId: 9, label: 'Older story' });
    expect(editorDoc.content?.[0]?.content?.[3]).toEqual({ type: 'text', text: '(see profile)', marks: [{ type: 'profileLink', attrs: { profileId: 4 } }] });
  });

  it('an empty body is one empty paragraph, and empty blocks hold nothing', () => {
    expect(bodyToDoc([])).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(docToBody(doc({ type: 'paragraph' }, { type: 'heading', attrs: { level: 2 } }, p(text('Kept.')), { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }))).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Kept.' }] },
    ]);
  });

  it('reads what Tiptap adds to a link (target, rel, class) as a plain link', () => {
    const body = docToBody(doc(p(text('site', [{ type: 'link', attrs: { href: 'https://example.org/', target: '_blank', rel: 'noopener', class: null } }]))));
    expect(body).toEqual([{ type: 'paragraph', content: [{ type: 'link', text: 'site', href: 'https://example.org/' }] }]);
  });

  it('keeps a space alone between a bold and an italic word, joined to its neighbour', () => {
    const body = docToBody(doc(p(text('bold', [{ type: 'bold' }]), text(' '), text('italic', [{ type: 'italic' }]))));
    expect(body).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'bold ', marks: ['bold'] },
          { type: 'text', text: 'italic', marks: ['italic'] },
        ],
      },
    ]);
  });

  it('refuses, naming it, what a body cannot hold instead of dropping it', () => {
    const cases: [EditorNode, RegExp][] = [
      [doc({ type: 'codeBlock', content: [text('x')] }), /body\[0\]: a "codeBlock" cannot be kept/],
      [doc({ type: 'horizontalRule' }), /"horizontalRule"/],
      [doc(p(text('a'), { type: 'hardBreak' }, text('b'))), /line break/],
      [doc(p(text('struck', [{ type: 'strike' }]))), /"strike" text/],
      [doc({ type: 'heading', attrs: { level: 3 }, content: [text('Deep')] }), /level 3 heading/],
      [doc({ type: 'heading', attrs: { level: 2 }, content: [text('Loud', [{ type: 'bold' }])] }), /inside a subheading/],
      [doc({ type: 'blockquote', attrs: { attribution: 'Someone' }, content: [p(text('one')), p(text('two'))] }), /more than one paragraph/],
      [doc({ type: 'blockquote', attrs: { attribution: 'Someone' }, content: [{ type: 'paragraph' }] }), /attribution but no words/],
      [
        doc({ type: 'bulletList', content: [{ type: 'listItem', content: [p(text('a')), { type: 'bulletList', content: [] }] }] }),
        /list inside a list/,
      ],
      [doc(p(text('her', [{ type: 'profileLink', attrs: { profileId: 3 } }, { type: 'bold' }]))), /bold or italic profile link/],
      [doc(p(text('her', [{ type: 'profileLink', attrs: { profileId: 3 } }, { type: 'link', attrs: { href: '/x' } }]))), /also a web link/],
      [doc({ type: 'mediaEmbed', attrs: { mediaId: null } }), /mediaId must be a positive whole number/],
      [{ type: 'paragraph' }, /document/],
    ];
    for (const [input, message] of cases) {
      const error = refusal(input);
      expect(error.code).toBe('BODY_INVALID');
      expect(error.message).toMatch(message);
    }
  });

  it('checks links and lengths as parseBody does', () => {
    expect(refusal(doc(p(text('x', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])))).message).toMatch(/scheme that is not allowed/);
    expect(refusal(doc({ type: 'heading', attrs: { level: 2 }, content: [text('h'.repeat(301))] })).message).toMatch(/at most 300/);
  });
});

describe('tables in the editor', () => {
  const cell = (type: 'tableCell' | 'tableHeader', text: string, attrs: Record<string, unknown> = {}): EditorNode => ({
    type,
    attrs,
    content: [text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' }],
  });
  const table = (rows: EditorNode[][], caption: string | null = null): EditorNode => ({
    type: 'doc',
    content: [{ type: 'table', attrs: { caption }, content: rows.map((content) => ({ type: 'tableRow', content })) }],
  });

  it('splits merged cells (as pasted from a word processor) keeping the text in the first', () => {
    const body = docToBody(
      table([
        [cell('tableHeader', 'Name'), cell('tableHeader', 'Votes', { colspan: 2 })],
        [cell('tableCell', 'A', { rowspan: 2 }), cell('tableCell', '1'), cell('tableCell', '2')],
        [cell('tableCell', '3'), cell('tableCell', '4')],
      ]),
    );
    expect(body).toEqual([
      {
        type: 'table',
        headerRow: true,
        headerColumn: false,
        rows: [
          [[{ type: 'text', text: 'Name' }], [{ type: 'text', text: 'Votes' }], []],
          [[{ type: 'text', text: 'A' }], [{ type: 'text', text: '1' }], [{ type: 'text', text: '2' }]],
          [[], [{ type: 'text', text: '3' }], [{ type: 'text', text: '4' }]],
        ],
      },
    ]);
  });

  it('joins a cell of several paragraphs, and leaves out a table with no text', () => {
    const twoParagraphs: EditorNode = {
      type: 'tableCell',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'first' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'second' }] },
      ],
    };
    const [element] = docToBody(table([[twoParagraphs, cell('tableCell', 'x')]]));
    expect(element).toMatchObject({ rows: [[[{ type: 'text', text: 'first ' }, { type: 'text', text: 'second' }], [{ text: 'x' }]]] });
    expect(docToBody(table([[cell('tableCell', ''), cell('tableCell', '')]]))).toEqual([]);
    expect(refusal(table([[cell('tableCell', '')]], 'A caption')).message).toMatch(/caption but no text/);
  });

  it('refuses a table of 10,000 cells by name, with the limit', () => {
    const rows = Array.from({ length: 200 }, () => Array.from({ length: 50 }, () => cell('tableCell', 'n')));
    const error = refusal(table(rows));
    expect(error.message).toMatch(/has 10,000 cells: a table may have at most 5,000 cells/);
    expect(error.field).toBe('body[0].rows');
  });

  it('refuses an embed whose address is no post or video', () => {
    const error = refusal({ type: 'doc', content: [{ type: 'embed', attrs: { provider: 'youtube', url: 'https://www.youtube.com/feed/trending' } }] });
    expect(error.message).toMatch(/body\[0\]\.url is a YouTube address but not of a single post or video/);
  });
});

describe('galleries in the editor', () => {
  it('carry their photos both ways, the card labels left out of the body', () => {
    const body: Body = [{ type: 'gallery', items: [{ mediaId: 2, caption: 'Square' }, { mediaId: 3 }] }];
    const doc = bodyToDoc(body, { media: { 2: 'The square', 3: 'The bridge' } });
    expect(doc.content?.[0]).toEqual({
      type: 'gallery',
      attrs: { items: [{ mediaId: 2, caption: 'Square', label: 'The square' }, { mediaId: 3, label: 'The bridge' }] },
    });
    expect(docToBody(doc)).toEqual(body);
    expect(refusal({ type: 'doc', content: [{ type: 'gallery', attrs: { items: [{ mediaId: 2, label: 'x' }] } }] }).message).toMatch(/at least 2 photos/);
  });
});

