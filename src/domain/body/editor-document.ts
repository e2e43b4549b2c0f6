import { invalid } from '../shared/errors.js';
import type { Body, BodyElement, Inline, Mark, TableCell } from './body.js';
import { parseBody } from './parse-body.js';

/**
 * The rich-text editor's document (Tiptap/ProseMirror JSON) and the domain Body, both ways.
 * Pure, so the editor island and the server (and the tests) share it. The editor has exactly
 * these nodes and marks:
 *
 * | editor                                   | body                                   |
 * | ---------------------------------------- | -------------------------------------- |
 * | `paragraph`                              | paragraph                              |
 * | `heading` (level 2)                      | subheading                             |
 * | `blockquote` { attribution }, 1 paragraph| quote                                  |
 * | `bulletList` / `orderedList` > `listItem`| list (unordered / ordered)             |
 * | `mediaEmbed` { mediaId }                 | media                                  |
 * | `profileCard` { profileId }              | profile card                           |
 * | `relatedStory` { storyId }               | related story                          |
 * | `table` { caption } > `tableRow` > `tableHeader` / `tableCell` > paragraphs | table (merged cells are split, the text kept in the first) |
 * | `embed` { provider, url, caption }       | embed                                  |
 * | `gallery` { items: [{ mediaId, caption }] } | gallery                              |
 * | marks `bold`, `italic`, `link` { href }, `profileLink` { profileId } | text, link, profile runs |
 *
 * Anything else (a code block, a line break, a nested list, a bold profile link...) cannot
 * be kept in a story body: `docToBody` refuses it with a message naming it, never drops it.
 */
export interface EditorMark {
  readonly type: string;
  readonly attrs?: Readonly<Record<string, unknown>>;
}

export interface EditorNode {
  readonly type: string;
  readonly attrs?: Readonly<Record<string, unknown>>;
  readonly content?: readonly EditorNode[];
  readonly text?: string;
  readonly marks?: readonly EditorMark[];
}

/** What the editor shows on its cards (names, titles, headlines); not part of the body. */
export interface BodyLabels {
  readonly profiles?: Readonly<Record<number, string>>;
  readonly media?: Readonly<Record<number, string>>;
  readonly stories?: Readonly<Record<number, string>>;
}

export function bodyToDoc(body: Body, labels: BodyLabels = {}): EditorNode {
  const content = body.map((element) => elementToNode(element, labels));
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

function elementToNode(element: BodyElement, labels: BodyLabels): EditorNode {
  switch (element.type) {
    case 'paragraph':
      return { type: 'paragraph', content: element.content.map(inlineToNode) };
    case 'subheading':
      return { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: element.text }] };
    case 'quote':
      return {
        type: 'blockquote',
        attrs: { attribution: element.attribution ?? null },
        content: [{ type: 'paragraph', content: element.content.map(inlineToNode) }],
      };
    case 'list':
      return {
        type: element.ordered ? 'orderedList' : 'bulletList',
        content: element.items.map((item) => ({ type: 'listItem', content: [{ type: 'paragraph', content: item.map(inlineToNode) }] })),
      };
    case 'media':
      return { type: 'mediaEmbed', attrs: { mediaId: element.mediaId, label: labels.media?.[element.mediaId] ?? null } };
    case 'profile':
      return { type: 'profileCard', attrs: { profileId: element.profileId, label: labels.profiles?.[element.profileId] ?? null } };
    case 'related':
      return { type: 'relatedStory', attrs: { storyId: element.storyId, label: labels.stories?.[element.storyId] ?? null } };
    case 'table':
      return {
        type: 'table',
        attrs: { caption: element.caption ?? null },
        content: element.rows.map((row, r) => ({
          type: 'tableRow',
          content: row.map((cell, c) => ({
            type: (r === 0 && element.headerRow) || (c === 0 && element.headerColumn) ? 'tableHeader' : 'tableCell',
            content: [cell.length ? { type: 'paragraph', content: cell.map(inlineToNode) } : { type: 'paragraph' }],
          })),
        })),
      };
    case 'embed':
      return { type: 'embed', attrs: { provider: element.provider, url: element.url, caption: element.caption ?? null } };
    case 'gallery':
      return {
        type: 'gallery',
        attrs: { items: element.items.map((item) => ({ ...item, label: labels.media?.[item.mediaId] ?? null })) },
      };
  }
}

function inlineToNode(inline: Inline): EditorNode {
  if (inline.type === 'profile') {
    return { type: 'text', text: inline.text, marks: [{ type: 'profileLink', attrs: { profileId: inline.profileId } }] };
  }
  const marks: EditorMark[] = (inline.marks ?? []).map((mark) => ({ type: mark }));
  if (inline.type === 'link') marks.push({ type: 'link', attrs: { href: inline.href } });
  return marks.length ? { type: 'text', text: inline.text, marks } : { type: 'text', text: inline.text };
}

/**
 * The editor's document as a Body, checked by parseBody. Empty paragraphs, headings and list
 * items are left out (they hold nothing); what a body cannot hold is refused (BODY_INVALID).
 */
export function docToBody(doc: EditorNode): Body {
  if (doc.type !== 'doc') throw cannotKeep('body', `a ${describe(doc.type)} node where the document should be`);
  const elements: BodyElement[] = [];
  (doc.content ?? []).forEach((node, index) => {
    const element = nodeToElement(node, `body[${index}]`);
    if (element) elements.push(element);
  });
  return parseBody(elements);
}

function nodeToElement(node: EditorNode, path: string): BodyElement | null {
  switch (node.type) {
    case 'paragraph': {
      const content = inlines(node, path);
      return content.length ? { type: 'paragraph', content } : null;
    }
    case 'heading': {
      if (node.attrs?.level !== undefined && node.attrs.level !== 2) throw cannotKeep(path, `a level ${String(node.attrs.level)} heading (only subheadings)`);
      for (const child of node.content ?? []) {
        if (child.type !== 'text') throw cannotKeep(path, `a ${describe(child.type)} inside a subheading`);
        if (child.marks?.length) throw cannotKeep(path, 'bold, italic or links inside a subheading (subheadings are plain text)');
      }
      const text = (node.content ?? []).map((child) => child.text ?? '').join('');
      return text.trim() ? { type: 'subheading', text } : null;
    }
    case 'blockquote': {
      const paragraphs = (node.content ?? []).filter((child) => child.type !== 'paragraph' || inlines(child, path).length > 0);
      const attribution = typeof node.attrs?.attribution === 'string' && node.attrs.attribution.trim() ? node.attrs.attribution : undefined;
      if (paragraphs.length === 0) {
        if (attribution) throw cannotKeep(path, 'a quote with an attribution but no words');
        return null;
      }
      const [only] = paragraphs;
      if (paragraphs.length > 1 || only?.type !== 'paragraph') throw cannotKeep(path, 'a quote of more than one paragraph');
      const content = inlines(only, `${path}.content`);
      return attribution ? { type: 'quote', content, attribution } : { type: 'quote', content };
    }
    case 'bulletList':
    case 'orderedList': {
      const items: Inline[][] = [];
      (node.content ?? []).forEach((item, i) => {
        const itemPath = `${path}.items[${i}]`;
        if (item.type !== 'listItem') throw cannotKeep(itemPath, `a ${describe(item.type)} inside a list`);
        const blocks = item.content ?? [];
        if (blocks.some((block) => block.type !== 'paragraph')) throw cannotKeep(itemPath, 'a list inside a list, or other blocks in a list item');
        if (blocks.length > 1) throw cannotKeep(itemPath, 'a list item of more than one paragraph');
        const content = blocks[0] ? inlines(blocks[0], itemPath) : [];
        if (content.length) items.push(content);
      });
      return items.length ? { type: 'list', ordered: node.type === 'orderedList', items } : null;
    }
    case 'mediaEmbed':
      return { type: 'media', mediaId: idAttr(node, 'mediaId', path) };
    case 'profileCard':
      return { type: 'profile', profileId: idAttr(node, 'profileId', path) };
    case 'relatedStory':
      return { type: 'related', storyId: idAttr(node, 'storyId', path) };
    case 'table':
      return tableToElement(node, path);
    case 'gallery': {
      const items = Array.isArray(node.attrs?.items) ? (node.attrs.items as Record<string, unknown>[]) : [];
      // The card's labels are not part of the body; parseBody checks the rest.
      return { type: 'gallery', items: items.map(({ label: _label, ...item }) => item) as never };
    }
    case 'embed': {
      const caption = typeof node.attrs?.caption === 'string' && node.attrs.caption.trim() ? node.attrs.caption : undefined;
      return { type: 'embed', provider: node.attrs?.provider as 'youtube', url: String(node.attrs?.url ?? ''), ...(caption ? { caption } : {}) };
    }
    default:
      throw cannotKeep(path, `a ${describe(node.type)}`);
  }
}

/**
 * A table as the body keeps it: rectangular, a merged cell split into its place (the text in the
 * first, the others empty), header cells in the whole first row and/or first column kept as such
 * (a header cell elsewhere is kept as a plain cell, with its text).
 */
function tableToElement(node: EditorNode, path: string): BodyElement | null {
  const cells: TableCell[][] = [];
  const headers: boolean[][] = [];
  const rows = node.content ?? [];
  rows.forEach((row, r) => {
    if (row.type !== 'tableRow') throw cannotKeep(`${path}.rows[${r}]`, `a ${describe(row.type)} inside a table`);
    cells[r] ??= [];
    headers[r] ??= [];
    let c = 0;
    (row.content ?? []).forEach((cell, i) => {
      const cellPath = `${path}.rows[${r}][${i}]`;
      if (cell.type !== 'tableCell' && cell.type !== 'tableHeader') throw cannotKeep(cellPath, `a ${describe(cell.type)} inside a table row`);
      while (cells[r]![c] !== undefined) c++;
      const colspan = span(cell.attrs?.colspan);
      const rowspan = Math.min(span(cell.attrs?.rowspan), rows.length - r);
      const content = cellInlines(cell, cellPath);
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < colspan; dc++) {
          (cells[r + dr] ??= [])[c + dc] = dr === 0 && dc === 0 ? content : [];
          (headers[r + dr] ??= [])[c + dc] = cell.type === 'tableHeader';
        }
      }
      c += colspan;
    });
  });
  const width = Math.max(0, ...cells.map((row) => row.length));
  const grid = cells.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? []));
  if (width === 0 || grid.every((row) => row.every((cell) => cell.length === 0))) {
    if (typeof node.attrs?.caption === 'string' && node.attrs.caption.trim()) throw cannotKeep(path, 'a table with a caption but no text in its cells');
    return null;
  }
  const isHeader = (r: number, c: number) => headers[r]?.[c] === true;
  const headerRow = Array.from({ length: width }, (_, c) => c).every((c) => isHeader(0, c)) && grid.length > 1;
  const headerColumn = grid.every((_, r) => isHeader(r, 0)) && width > 1;
  const caption = typeof node.attrs?.caption === 'string' && node.attrs.caption.trim() ? node.attrs.caption : undefined;
  return { type: 'table', ...(caption ? { caption } : {}), headerRow, headerColumn, rows: grid };
}

function span(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 1 ? Math.min(value, 1_000) : 1;
}

/** A cell's paragraphs as one run of text (paragraphs joined by a space). */
function cellInlines(cell: EditorNode, path: string): Inline[] {
  const runs: Inline[] = [];
  for (const block of cell.content ?? []) {
    if (block.type !== 'paragraph') throw cannotKeep(path, `a ${describe(block.type)} inside a table cell (only text)`);
    const content = inlines(block, path);
    const [first, ...rest] = content;
    if (!first) continue;
    const last = runs[runs.length - 1];
    if (last && last.type === 'text') runs[runs.length - 1] = { ...last, text: `${last.text} ` };
    runs.push(last && last.type !== 'text' ? { ...first, text: ` ${first.text}` } : first, ...rest);
  }
  return runs;
}

/** A block's text runs. A run of spaces alone (between a bold and an italic word) joins its neighbour. */
function inlines(block: EditorNode, path: string): Inline[] {
  const runs: Inline[] = [];
  (block.content ?? []).forEach((node, index) => {
    if (node.type !== 'text') {
      throw cannotKeep(`${path}[${index}]`, node.type === 'hardBreak' ? 'a line break inside a paragraph (start a new paragraph)' : `a ${describe(node.type)} inside text`);
    }
    const run = textToInline(node, `${path}[${index}]`);
    if (run.text !== '') runs.push(run);
  });
  const joined: Inline[] = [];
  runs.forEach((run, index) => {
    if (run.text.trim() !== '') return void joined.push(run);
    const previous = joined[joined.length - 1];
    const next = runs[index + 1];
    if (previous && (previous.type === 'text' || !next || next.text.trim() === '')) {
      joined[joined.length - 1] = { ...previous, text: previous.text + run.text };
    } else if (next) {
      runs[index + 1] = { ...next, text: run.text + next.text };
    }
  });
  return joined;
}

function textToInline(node: EditorNode, path: string): Inline {
  const text = node.text ?? '';
  const marks: Mark[] = [];
  let href: string | null = null;
  let profileId: number | null = null;
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold' || mark.type === 'italic') marks.push(mark.type);
    else if (mark.type === 'link') {
      if (typeof mark.attrs?.href !== 'string') throw cannotKeep(path, 'a link without an address');
      href = mark.attrs.href;
    } else if (mark.type === 'profileLink') profileId = idAttr(mark, 'profileId', path);
    else throw cannotKeep(path, `${describe(mark.type)} text (only bold, italic and links)`);
  }
  if (profileId !== null) {
    if (href !== null) throw cannotKeep(path, 'a profile link that is also a web link');
    if (marks.length) throw cannotKeep(path, 'a bold or italic profile link');
    return { type: 'profile', text, profileId };
  }
  if (href !== null) return marks.length ? { type: 'link', text, href, marks } : { type: 'link', text, href };
  return marks.length ? { type: 'text', text, marks } : { type: 'text', text };
}

function idAttr(node: EditorNode | EditorMark, name: string, path: string): number {
  const value = node.attrs?.[name];
  const id = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) throw invalid('BODY_INVALID', `${path}.${name} must be a positive whole number`, `${path}.${name}`);
  return id;
}

function describe(type: unknown): string {
  return typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : 'unnamed';
}

function cannotKeep(path: string, what: string) {
  return invalid('BODY_INVALID', `${path}: ${what} cannot be kept in a story body`, path);
}
