import { invalid } from '../shared/errors.js';
import { hasControlCharacters } from '../shared/text.js';
import { BODY_LIMITS, type Body, type BodyElement, type Inline, type Mark, type TableCell } from './body.js';
import { parseEmbedUrl } from './embed-url.js';
import { hasUrlControlCharacters, isSitePath } from '../shared/site-path.js';

/**
 * Checks untrusted input (the editor's JSON, an import, a fixture) and returns a Body.
 * Refuses unknown element types, unknown fields, unsafe links and oversized content,
 * naming the path at fault: `body[3].content[0].href`.
 */
export function parseBody(input: unknown, options: ParseBodyOptions = {}): Body {
  if (!Array.isArray(input)) throw bodyError('body', 'must be a list of elements');
  const sizeLimits = options.sizeLimits ?? true;
  if (sizeLimits && input.length > BODY_LIMITS.elements) {
    throw bodyError('body', `must have at most ${BODY_LIMITS.elements} elements`);
  }
  return input.map((element, index) => parseElement(element, `body[${index}]`, sizeLimits));
}

export interface ParseBodyOptions {
  /**
   * false: the number of elements and a table's rows, columns and cells are not limited. Only to
   * show a refused body again on its form (the writer keeps what was typed); never to save.
   */
  readonly sizeLimits?: boolean;
}

function parseElement(input: unknown, path: string, sizeLimits: boolean): BodyElement {
  const element = record(input, path);
  switch (element.type) {
    case 'paragraph':
      onlyFields(element, path, ['type', 'content']);
      return { type: 'paragraph', content: parseInlines(element.content, `${path}.content`) };
    case 'subheading':
      onlyFields(element, path, ['type', 'text']);
      return { type: 'subheading', text: text(element.text, `${path}.text`, BODY_LIMITS.subheadingLength) };
    case 'quote': {
      onlyFields(element, path, ['type', 'content', 'attribution']);
      const content = parseInlines(element.content, `${path}.content`);
      if (element.attribution === undefined) return { type: 'quote', content };
      return {
        type: 'quote',
        content,
        attribution: text(element.attribution, `${path}.attribution`, BODY_LIMITS.attributionLength),
      };
    }
    case 'list': {
      onlyFields(element, path, ['type', 'ordered', 'items']);
      if (typeof element.ordered !== 'boolean') throw bodyError(`${path}.ordered`, 'must be true or false');
      if (!Array.isArray(element.items) || element.items.length === 0) {
        throw bodyError(`${path}.items`, 'must be a non-empty list of items');
      }
      if (element.items.length > BODY_LIMITS.listItems) {
        throw bodyError(`${path}.items`, `must have at most ${BODY_LIMITS.listItems} items`);
      }
      const items = element.items.map((item, i) => parseInlines(item, `${path}.items[${i}]`));
      return { type: 'list', ordered: element.ordered, items };
    }
    case 'media':
      onlyFields(element, path, ['type', 'mediaId']);
      return { type: 'media', mediaId: id(element.mediaId, `${path}.mediaId`) };
    case 'profile':
      onlyFields(element, path, ['type', 'profileId']);
      return { type: 'profile', profileId: id(element.profileId, `${path}.profileId`) };
    case 'related':
      onlyFields(element, path, ['type', 'storyId']);
      return { type: 'related', storyId: id(element.storyId, `${path}.storyId`) };
    case 'table':
      return parseTable(element, path, sizeLimits);
    case 'gallery': {
      onlyFields(element, path, ['type', 'items']);
      const items = element.items;
      if (!Array.isArray(items) || items.length < 2) throw bodyError(`${path}.items`, 'must have at least 2 photos (one photo is a media element)');
      if (items.length > BODY_LIMITS.galleryItems) throw bodyError(`${path}.items`, `must have at most ${BODY_LIMITS.galleryItems} photos`);
      return {
        type: 'gallery',
        items: items.map((input: unknown, i) => {
          const itemPath = `${path}.items[${i}]`;
          const item = record(input, itemPath);
          onlyFields(item, itemPath, ['mediaId', 'caption']);
          const mediaId = id(item.mediaId, `${itemPath}.mediaId`);
          const caption = optionalText(item.caption, `${itemPath}.caption`, BODY_LIMITS.captionLength);
          return caption ? { mediaId, caption } : { mediaId };
        }),
      };
    }
    case 'embed': {
      onlyFields(element, path, ['type', 'provider', 'url', 'caption']);
      const parsed = parseEmbedUrl(text(element.url, `${path}.url`, BODY_LIMITS.hrefLength));
      if ('problem' in parsed) throw bodyError(`${path}.url`, parsed.problem);
      if (element.provider !== undefined && element.provider !== parsed.provider) {
        throw bodyError(`${path}.provider`, `does not match the address (it is a ${parsed.provider} address)`);
      }
      const caption = optionalText(element.caption, `${path}.caption`, BODY_LIMITS.captionLength);
      return { type: 'embed', provider: parsed.provider, url: parsed.url, ...(caption ? { caption } : {}) };
    }
    default:
      throw bodyError(`${path}.type`, `is not a known element type (${describe(element.type)})`);
  }
}

/** A rectangular table: limits on rows, columns and cells are checked before any cell is read. */
function parseTable(element: Record<string, unknown>, path: string, sizeLimits: boolean): BodyElement {
  onlyFields(element, path, ['type', 'caption', 'headerRow', 'headerColumn', 'rows']);
  const headerRow = element.headerRow ?? false;
  const headerColumn = element.headerColumn ?? false;
  if (typeof headerRow !== 'boolean') throw bodyError(`${path}.headerRow`, 'must be true or false');
  if (typeof headerColumn !== 'boolean') throw bodyError(`${path}.headerColumn`, 'must be true or false');
  const rows = element.rows;
  if (!Array.isArray(rows) || rows.length === 0) throw bodyError(`${path}.rows`, 'must be a non-empty list of rows');
  const cells = rows.reduce((sum: number, row: unknown) => sum + (Array.isArray(row) ? row.length : 0), 0);
  const { tableCells, tableRows, tableColumns } = sizeLimits ? BODY_LIMITS : { tableCells: Infinity, tableRows: Infinity, tableColumns: Infinity };
  if (cells > tableCells) {
    throw bodyError(`${path}.rows`, `has ${count(cells)} cells: a table may have at most ${count(tableCells)} cells (${tableRows} rows, ${tableColumns} columns); split it`);
  }
  if (rows.length > tableRows) throw bodyError(`${path}.rows`, `has ${count(rows.length)} rows: a table may have at most ${tableRows}`);
  let width = 0;
  const parsed = rows.map((row: unknown, r) => {
    const rowPath = `${path}.rows[${r}]`;
    if (!Array.isArray(row) || row.length === 0) throw bodyError(rowPath, 'must be a non-empty list of cells');
    if (row.length > tableColumns) throw bodyError(rowPath, `has ${row.length} columns: a table may have at most ${tableColumns}`);
    if (r === 0) width = row.length;
    else if (row.length !== width) throw bodyError(rowPath, `has ${row.length} cells where the first row has ${width} (every row has as many cells)`);
    return row.map((cell, c) => parseCell(cell, `${rowPath}[${c}]`));
  });
  const caption = optionalText(element.caption, `${path}.caption`, BODY_LIMITS.captionLength);
  return { type: 'table', ...(caption ? { caption } : {}), headerRow, headerColumn, rows: parsed };
}

function parseCell(input: unknown, path: string): TableCell {
  if (!Array.isArray(input)) throw bodyError(path, 'must be a list of text runs (empty for an empty cell)');
  if (input.length === 0) return [];
  const runs = parseInlines(input, path);
  const length = runs.reduce((sum, run) => sum + run.text.length, 0);
  if (length > BODY_LIMITS.cellTextLength) throw bodyError(path, `must be at most ${count(BODY_LIMITS.cellTextLength)} characters`);
  return runs;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function optionalText(input: unknown, path: string, max: number): string | undefined {
  if (input === undefined || input === null || input === '') return undefined;
  return text(input, path, max);
}

function parseInlines(input: unknown, path: string): Inline[] {
  if (!Array.isArray(input) || input.length === 0) throw bodyError(path, 'must be a non-empty list of text runs');
  if (input.length > BODY_LIMITS.inlinesPerBlock) {
    throw bodyError(path, `must have at most ${BODY_LIMITS.inlinesPerBlock} text runs`);
  }
  return input.map((inline, index) => parseInline(inline, `${path}[${index}]`));
}

function parseInline(input: unknown, path: string): Inline {
  const inline = record(input, path);
  switch (inline.type) {
    case 'text': {
      onlyFields(inline, path, ['type', 'text', 'marks']);
      const value = text(inline.text, `${path}.text`, BODY_LIMITS.textLength, { trim: false });
      const marks = parseMarks(inline.marks, `${path}.marks`);
      return marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
    }
    case 'link': {
      onlyFields(inline, path, ['type', 'text', 'href', 'marks']);
      const value = text(inline.text, `${path}.text`, BODY_LIMITS.textLength, { trim: false });
      const href = parseHref(inline.href, `${path}.href`);
      const marks = parseMarks(inline.marks, `${path}.marks`);
      return marks ? { type: 'link', text: value, href, marks } : { type: 'link', text: value, href };
    }
    case 'profile':
      onlyFields(inline, path, ['type', 'text', 'profileId']);
      return {
        type: 'profile',
        text: text(inline.text, `${path}.text`, BODY_LIMITS.textLength, { trim: false }),
        profileId: id(inline.profileId, `${path}.profileId`),
      };
    default:
      throw bodyError(`${path}.type`, `is not a known text run type (${describe(inline.type)})`);
  }
}

function parseMarks(input: unknown, path: string): Mark[] | undefined {
  if (input === undefined) return undefined;
  if (!Array.isArray(input)) throw bodyError(path, 'must be a list of marks');
  const marks = new Set<Mark>();
  for (const mark of input) {
    if (mark !== 'bold' && mark !== 'italic') throw bodyError(path, `has an unknown mark (${describe(mark)})`);
    marks.add(mark);
  }
  return marks.size ? [...marks] : undefined;
}

/** Links may go to the web, to mail, or to a path of this site; never to script. */
function parseHref(input: unknown, path: string): string {
  const href = text(input, path, BODY_LIMITS.hrefLength);
  const problem = hrefProblem(href);
  if (problem) throw bodyError(path, problem);
  return href;
}

/** What is wrong with a link address (as parseBody says it), or null: the editor's link form asks before inserting. */
export function hrefProblem(href: string): string | null {
  if (href.trim() === '') return 'must not be empty';
  if (href.length > BODY_LIMITS.hrefLength) return `must be at most ${BODY_LIMITS.hrefLength} characters`;
  if (hasUrlControlCharacters(href)) return 'must not contain tabs, line breaks or other control characters';
  if (href.startsWith('/')) return isSitePath(href) ? null : 'must be a path of this site (it leads to another)';
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return 'must be an absolute http(s) or mailto address, or a path starting with /';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:' && url.protocol !== 'mailto:') {
    return `uses a scheme that is not allowed (${url.protocol})`;
  }
  return null;
}

function record(input: unknown, path: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw bodyError(path, 'must be an object');
  return input as Record<string, unknown>;
}

function onlyFields(input: Record<string, unknown>, path: string, allowed: readonly string[]): void {
  const unknown = Object.keys(input).filter((key) => !allowed.includes(key));
  if (unknown.length) throw bodyError(`${path}.${unknown[0]}`, `is not a field of a ${String(input.type)} element`);
}

function text(input: unknown, path: string, max: number, options: { trim?: boolean } = {}): string {
  if (typeof input !== 'string') throw bodyError(path, 'must be text');
  const value = options.trim === false ? input : input.trim();
  if (value.trim().length === 0) throw bodyError(path, 'must not be empty');
  if (value.length > max) throw bodyError(path, `must be at most ${max} characters`);
  if (hasControlCharacters(value)) throw bodyError(path, 'contains control characters');
  return value;
}

function id(input: unknown, path: string): number {
  if (typeof input !== 'number' || !Number.isSafeInteger(input) || input < 1) {
    throw bodyError(path, 'must be a positive whole number');
  }
  return input;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
}

function bodyError(path: string, problem: string) {
  return invalid('BODY_INVALID', `${path} ${problem}`, path);
}
