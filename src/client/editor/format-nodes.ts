import { Extension, Node } from '@tiptap/core';
import { addRowAfter, goToNextCell, isInTable, tableEditing } from '@tiptap/pm/tables';

/**
 * The editor's table and embed nodes (editor-document.ts maps them to the body's table and
 * embed). Tables use prosemirror-tables for cell selection, pasting a grid, and row and column
 * commands; there is no column resizing (a story table takes the column's width). Pasted tables
 * keep their cells; the caption of a pasted <caption> becomes the table's caption.
 */

const ROLES: Readonly<Record<string, string>> = { table: 'table', tableRow: 'row', tableCell: 'cell', tableHeader: 'header_cell' };

/** prosemirror-tables finds the table's nodes by the `tableRole` of their spec. */
const TableRoles = Extension.create({
  name: 'tableRoles',
  extendNodeSchema: (extension) => (ROLES[extension.name] ? { tableRole: ROLES[extension.name] } : {}),
});

const span = (name: 'colspan' | 'rowspan') => ({
  default: 1,
  parseHTML: (element: HTMLElement) => Math.max(1, Number(element.getAttribute(name)) || 1),
  renderHTML: (attributes: Record<string, unknown>) => (Number(attributes[name]) > 1 ? { [name]: String(attributes[name]) } : {}),
});
const cellAttributes = () => ({ colspan: span('colspan'), rowspan: span('rowspan'), colwidth: { default: null, rendered: false } });

const Table = Node.create({
  name: 'table',
  group: 'block',
  content: 'tableRow+',
  isolating: true,
  addAttributes: () => ({
    caption: {
      default: null,
      parseHTML: (element: HTMLElement) => element.querySelector(':scope > caption')?.textContent?.replace(/\s+/g, ' ').trim() || null,
      renderHTML: (attributes: Record<string, unknown>) =>
        typeof attributes.caption === 'string' && attributes.caption ? { 'data-caption': attributes.caption } : {},
    },
  }),
  // The caption is an attribute: its text is not read again as cells.
  parseHTML: () => [{ tag: 'table' }, { tag: 'caption', ignore: true }],
  renderHTML: ({ HTMLAttributes }) => ['table', { ...HTMLAttributes, class: 'editor-table' }, ['tbody', 0]],
  addKeyboardShortcuts: () => ({
    // Tab in the last cell adds a row, as in a word processor.
    Tab: ({ editor }) => {
      if (!isInTable(editor.state)) return false;
      if (goToNextCell(1)(editor.state, editor.view.dispatch)) return true;
      addRowAfter(editor.state, editor.view.dispatch);
      return goToNextCell(1)(editor.state, editor.view.dispatch);
    },
    'Shift-Tab': ({ editor }) => goToNextCell(-1)(editor.state, editor.view.dispatch),
  }),
  addProseMirrorPlugins: () => [tableEditing()],
});

const TableRow = Node.create({
  name: 'tableRow',
  content: '(tableCell | tableHeader)*',
  parseHTML: () => [{ tag: 'tr' }],
  renderHTML: () => ['tr', 0],
});

const TableCell = Node.create({
  name: 'tableCell',
  content: 'paragraph+',
  isolating: true,
  addAttributes: cellAttributes,
  parseHTML: () => [{ tag: 'td' }],
  renderHTML: ({ HTMLAttributes }) => ['td', HTMLAttributes, 0],
});

const TableHeader = Node.create({
  name: 'tableHeader',
  content: 'paragraph+',
  isolating: true,
  addAttributes: cellAttributes,
  parseHTML: () => [{ tag: 'th' }],
  renderHTML: ({ HTMLAttributes }) => ['th', HTMLAttributes, 0],
});

/** An embed as a card showing its address ("Embed: https://..."). */
function embedNode(template: string) {
  return Node.create({
    name: 'embed',
    group: 'block',
    atom: true,
    selectable: true,
    draggable: false,
    addAttributes: () => ({
      provider: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('data-embed-provider'), renderHTML: (a: Record<string, unknown>) => ({ 'data-embed-provider': String(a.provider) }) },
      url: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('data-embed-url'), renderHTML: (a: Record<string, unknown>) => ({ 'data-embed-url': String(a.url) }) },
      caption: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('data-embed-caption'), renderHTML: (a: Record<string, unknown>) => (a.caption ? { 'data-embed-caption': String(a.caption) } : {}) },
    }),
    parseHTML: () => [{ tag: 'div[data-embed-url]' }],
    renderHTML: ({ node, HTMLAttributes }) => ['div', { ...HTMLAttributes, class: 'editor-card editor-card-embed' }, template.replace('{label}', String(node.attrs.url))],
  });
}

/** A gallery as a card listing its photos ("Gallery: Square, Bridge"); the items (media ids, captions) are its attribute. */
function galleryNode(template: string) {
  return Node.create({
    name: 'gallery',
    group: 'block',
    atom: true,
    selectable: true,
    draggable: false,
    addAttributes: () => ({
      items: {
        default: [],
        parseHTML: (element: HTMLElement) => {
          try {
            const items: unknown = JSON.parse(element.getAttribute('data-gallery') ?? '[]');
            return Array.isArray(items) ? items : [];
          } catch {
            return [];
          }
        },
        renderHTML: (a: Record<string, unknown>) => ({ 'data-gallery': JSON.stringify(a.items ?? []) }),
      },
    }),
    parseHTML: () => [{ tag: 'div[data-gallery]' }],
    renderHTML: ({ node, HTMLAttributes }) => {
      const items = (node.attrs.items ?? []) as { mediaId: number; label?: string | null }[];
      const labels = items.map((item) => item.label || `#${item.mediaId}`).join(', ');
      return ['div', { ...HTMLAttributes, class: 'editor-card editor-card-gallery' }, template.replace('{label}', labels)];
    },
  });
}

export function formatExtensions(texts: { readonly embed: string; readonly gallery: string }) {
  return [TableRoles, Table, TableRow, TableCell, TableHeader, embedNode(texts.embed), galleryNode(texts.gallery)];
}
