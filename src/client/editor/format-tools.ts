import type { Editor } from '@tiptap/core';
import { addColumnAfter, addRowAfter, deleteColumn, deleteRow, deleteTable, isInTable, toggleHeaderColumn, toggleHeaderRow } from '@tiptap/pm/tables';
import { NodeSelection } from '@tiptap/pm/state';
import { parseEmbedUrl } from '../../domain/body/embed-url.js';

/**
 * The toolbar's Table and Embed: a new table (three by three, a header row), the table panel
 * (caption, rows, columns, headers) shown while the cursor is in a table, and the embed panel
 * that checks the address as the server does before inserting, keeping it when it is refused.
 */
export function wireFormatTools(editor: Editor, refocusBody: () => void) {
  const tablePanel = document.getElementById('editor-table')!;
  const caption = document.getElementById('editor-table-caption') as HTMLInputElement;
  const run = (command: (state: Editor['state'], dispatch: Editor['view']['dispatch']) => boolean) => () => {
    command(editor.state, editor.view.dispatch);
    refocusBody();
  };
  const tableCommands: Record<string, () => void> = {
    addRow: run(addRowAfter),
    addColumn: run(addColumnAfter),
    deleteRow: run(deleteRow),
    deleteColumn: run(deleteColumn),
    headerRow: run(toggleHeaderRow),
    headerColumn: run(toggleHeaderColumn),
    deleteTable: run(deleteTable),
  };
  tablePanel.querySelectorAll<HTMLButtonElement>('button[data-table]').forEach((button) =>
    button.addEventListener('click', () => tableCommands[button.dataset.table ?? '']?.()),
  );
  caption.addEventListener('input', () => {
    editor.commands.updateAttributes('table', { caption: caption.value.trim() ? caption.value : null });
  });
  caption.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== 'Escape') return;
    event.preventDefault();
    refocusBody();
  });

  const cell = (type: 'tableHeader' | 'tableCell') => ({ type, content: [{ type: 'paragraph' }] });
  const insertTable = () => {
    const row = (type: 'tableHeader' | 'tableCell') => ({ type: 'tableRow', content: [cell(type), cell(type), cell(type)] });
    (refocusBody(), editor.chain().focus()).insertContent([{ type: 'table', content: [row('tableHeader'), row('tableCell'), row('tableCell')] }, { type: 'paragraph' }]).run();
    // The cursor goes to the new table's first cell (inside table, row, cell and paragraph).
    const after = editor.state.selection.from;
    let start = -1;
    editor.state.doc.descendants((node, pos) => {
      if (node.type.name === 'table' && pos < after) start = pos;
      return node.type.name !== 'table';
    });
    if (start >= 0) (refocusBody(), editor.chain().focus()).setTextSelection(start + 4).run();
  };

  const embedPanel = document.getElementById('editor-embed')!;
  const embedUrl = document.getElementById('editor-embed-url') as HTMLInputElement;
  const embedCaption = document.getElementById('editor-embed-caption') as HTMLInputElement;
  const embedError = document.getElementById('editor-embed-error')!;
  const closeEmbed = () => {
    embedPanel.hidden = true;
    embedError.textContent = '';
    embedUrl.removeAttribute('aria-invalid');
    refocusBody();
  };
  const insertEmbed = () => {
    const parsed = parseEmbedUrl(embedUrl.value);
    if ('problem' in parsed) {
      embedError.textContent = `${embedUrl.labels?.[0]?.textContent ?? ''}: ${parsed.problem}`;
      embedUrl.setAttribute('aria-invalid', 'true');
      embedUrl.focus();
      return;
    }
    const captionText = embedCaption.value.trim();
    refocusBody();
    editor
      .chain()
      .focus()
      .insertContent([{ type: 'embed', attrs: { provider: parsed.provider, url: parsed.url, caption: captionText || null } }, { type: 'paragraph' }])
      .run();
    embedUrl.value = '';
    embedCaption.value = '';
    closeEmbed();
  };
  embedPanel.querySelector('[data-embed=insert]')?.addEventListener('click', insertEmbed);
  embedPanel.querySelector('[data-embed=cancel]')?.addEventListener('click', closeEmbed);
  for (const input of [embedUrl, embedCaption]) {
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') insertEmbed();
      else if (event.key === 'Escape') closeEmbed();
      else return;
      event.preventDefault();
    });
  }

  /** The gallery a chosen photo goes into: the selected one, or the one just before the empty line the cursor is on. */
  const currentGallery = () => {
    const { selection, doc } = editor.state;
    if (selection instanceof NodeSelection && selection.node.type.name === 'gallery') return { pos: selection.from, node: selection.node };
    const { $from } = selection;
    const index = $from.index(0);
    const previous = index > 0 ? doc.child(index - 1) : null;
    if (previous?.type.name === 'gallery' && $from.depth === 1 && $from.parent.content.size === 0) return { pos: $from.before(1) - previous.nodeSize, node: previous };
    return null;
  };
  const addToGallery = (choice: { id: number; label: string }) => {
    const photo = { mediaId: choice.id, label: choice.label };
    const gallery = currentGallery();
    if (!gallery) {
      (refocusBody(), editor.chain().focus()).insertContent([{ type: 'gallery', attrs: { items: [photo] } }, { type: 'paragraph' }]).run();
      return;
    }
    const items = [...((gallery.node.attrs.items ?? []) as unknown[]), photo];
    editor.view.dispatch(editor.state.tr.setNodeMarkup(gallery.pos, undefined, { ...gallery.node.attrs, items }));
    refocusBody();
  };

  return {
    table: insertTable,
    addToGallery,
    embed: () => {
      embedPanel.hidden = false;
      embedError.textContent = '';
      embedUrl.focus();
    },
    /** After every transaction: the table panel follows the cursor. */
    refresh: () => {
      const inTable = isInTable(editor.state);
      if (!inTable && !tablePanel.contains(document.activeElement)) tablePanel.hidden = true;
      if (inTable) {
        tablePanel.hidden = false;
        if (document.activeElement !== caption) caption.value = String(editor.getAttributes('table').caption ?? '');
      }
    },
  };
}
