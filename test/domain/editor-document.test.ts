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
    ]);
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
