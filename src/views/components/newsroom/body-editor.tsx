import type { Body } from '../../../domain/body/body.js';
import type { BodyLabels } from '../../../domain/body/editor-document.js';
import type { MessageKey } from '../../../i18n/messages/en.js';
import type { Translator } from '../../../i18n/i18n.js';

interface ToolButton {
  readonly command: string;
  readonly label: MessageKey;
  /** Shown and announced (aria-keyshortcuts); the editor island binds the same keys. */
  readonly keys?: string;
  /** A button that is on or off for the selection (aria-pressed). */
  readonly toggle: boolean;
}

const TOOLS: readonly ToolButton[] = [
  { command: 'paragraph', label: 'newsroom.editor.paragraph', keys: 'Control+Alt+0', toggle: true },
  { command: 'subheading', label: 'newsroom.editor.subheading', keys: 'Control+Alt+2', toggle: true },
  { command: 'bold', label: 'newsroom.editor.bold', keys: 'Control+B', toggle: true },
  { command: 'italic', label: 'newsroom.editor.italic', keys: 'Control+I', toggle: true },
  { command: 'link', label: 'newsroom.editor.link', keys: 'Control+K', toggle: true },
  { command: 'quote', label: 'newsroom.editor.quote', keys: 'Control+Shift+B', toggle: true },
  { command: 'bulletList', label: 'newsroom.editor.bulletList', keys: 'Control+Shift+8', toggle: true },
  { command: 'orderedList', label: 'newsroom.editor.orderedList', keys: 'Control+Shift+7', toggle: true },
  { command: 'profileLink', label: 'newsroom.editor.profileLink', keys: 'Control+Alt+P', toggle: true },
  { command: 'media', label: 'newsroom.editor.media', toggle: false },
  { command: 'profileCard', label: 'newsroom.editor.profileCard', toggle: false },
  { command: 'related', label: 'newsroom.editor.related', toggle: false },
  { command: 'gallery', label: 'newsroom.editor.gallery', toggle: false },
  { command: 'table', label: 'newsroom.editor.table', toggle: false },
  { command: 'embed', label: 'newsroom.editor.embed', toggle: false },
];

/** The table tools, shown while the cursor is in a table. */
const TABLE_TOOLS: readonly { readonly command: string; readonly label: MessageKey }[] = [
  { command: 'addRow', label: 'newsroom.editor.tableAddRow' },
  { command: 'addColumn', label: 'newsroom.editor.tableAddColumn' },
  { command: 'deleteRow', label: 'newsroom.editor.tableDeleteRow' },
  { command: 'deleteColumn', label: 'newsroom.editor.tableDeleteColumn' },
  { command: 'headerRow', label: 'newsroom.editor.tableHeaderRow' },
  { command: 'headerColumn', label: 'newsroom.editor.tableHeaderColumn' },
  { command: 'deleteTable', label: 'newsroom.editor.tableDelete' },
];

/**
 * The rich body editor's frame, hidden until the editor island (src/client/editor.ts) starts:
 * the toolbar, the link, attribution and search panels, all labelled here so the island only
 * wires them. Without JavaScript it stays hidden and the plain body field is used.
 */
export function BodyEditor({ i18n, body, labels }: { i18n: Translator; body: Body; labels: BodyLabels }) {
  const { t } = i18n;
  return (
    <div id="body-editor" class="body-editor" hidden data-body={JSON.stringify(body)} data-labels={JSON.stringify(labels)}>
      <div role="toolbar" aria-label={t('newsroom.editor.toolbar')} aria-controls="body-editor-area" class="editor-toolbar">
        {TOOLS.map((tool, index) => (
          <button
            type="button"
            data-command={tool.command}
            tabIndex={index === 0 ? 0 : -1}
            aria-pressed={tool.toggle ? 'false' : undefined}
            aria-keyshortcuts={tool.keys}
            title={tool.keys ? `${t(tool.label)} (${tool.keys.replace('Control', 'Ctrl')})` : t(tool.label)}
          >
            {t(tool.label)}
          </button>
        ))}
      </div>
      <div id="editor-link" class="editor-panel" hidden>
        <label for="editor-link-href">{t('newsroom.editor.linkAddress')}</label>
        <input id="editor-link-href" type="url" inputMode="url" maxLength={2000} aria-describedby="editor-link-error" />
        <p id="editor-link-error" class="form-error" aria-live="assertive"></p>
        <button type="button" data-link="apply">{t('newsroom.editor.apply')}</button>{' '}
        <button type="button" data-link="remove">{t('newsroom.editor.removeLink')}</button>{' '}
        <button type="button" data-link="cancel">{t('newsroom.editor.cancel')}</button>
      </div>
      <div id="editor-attribution" class="editor-panel" hidden>
        <label for="editor-attribution-text">{t('newsroom.editor.attribution')}</label>
        <input id="editor-attribution-text" maxLength={300} dir="auto" />
      </div>
      <div id="editor-table" class="editor-panel" hidden role="group" aria-label={t('newsroom.editor.tableTools')}>
        <label for="editor-table-caption">{t('newsroom.editor.tableCaption')}</label>
        <input id="editor-table-caption" maxLength={300} dir="auto" />
        <span class="editor-table-tools">
          {TABLE_TOOLS.map((tool) => (
            <button key={tool.command} type="button" data-table={tool.command}>
              {t(tool.label)}
            </button>
          ))}
        </span>
      </div>
      <div id="editor-embed" class="editor-panel" hidden>
        <label for="editor-embed-url">{t('newsroom.editor.embedUrl')}</label>
        <input id="editor-embed-url" type="url" inputMode="url" maxLength={2000} aria-describedby="editor-embed-error" />
        <p id="editor-embed-error" class="form-error" aria-live="assertive"></p>
        <label for="editor-embed-caption">{t('newsroom.editor.embedCaption')}</label>
        <input id="editor-embed-caption" maxLength={300} dir="auto" />
        <button type="button" data-embed="insert">{t('newsroom.editor.insert')}</button>{' '}
        <button type="button" data-embed="cancel">{t('newsroom.editor.cancel')}</button>
      </div>
      <div
        id="editor-picker"
        class="editor-panel"
        hidden
        data-label-profile-link={t('newsroom.editor.findProfile')}
        data-label-profile-card={t('newsroom.editor.findProfile')}
        data-label-media={t('newsroom.editor.findMedia')}
        data-label-lead-media={t('newsroom.editor.findMedia')}
        data-label-related={t('newsroom.editor.findStory')}
        data-unavailable={t('newsroom.editor.searchUnavailable')}
        data-no-matches={t('newsroom.editor.noMatches')}
      >
        <label for="editor-picker-q" id="editor-picker-label">
          {t('newsroom.editor.findProfile')}
        </label>
        <input
          id="editor-picker-q"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded="false"
          aria-controls="editor-picker-list"
          aria-describedby="editor-picker-help"
          autoComplete="off"
          maxLength={200}
        />
        <p id="editor-picker-help" class="meta">
          {t('newsroom.editor.pickerHelp')}
        </p>
        <ul id="editor-picker-list" role="listbox" aria-labelledby="editor-picker-label" class="editor-picker-list"></ul>
        <p id="editor-picker-status" class="meta" aria-live="polite"></p>
        <button type="button" data-picker="cancel">
          {t('newsroom.editor.cancel')}
        </button>
      </div>
      <p
        id="editor-paste-notice"
        class="editor-notice"
        role="status"
        data-template={t('newsroom.editor.pasteDropped')}
        data-images={t('newsroom.editor.droppedImages')}
        data-frames={t('newsroom.editor.droppedFrames')}
      ></p>
      <div
        id="body-editor-area"
        class="body-editor-area"
        data-card-media={t('newsroom.editor.cardMedia')}
        data-card-profile={t('newsroom.editor.cardProfile')}
        data-card-related={t('newsroom.editor.cardRelated')}
        data-card-embed={t('newsroom.editor.cardEmbed')}
        data-card-gallery={t('newsroom.editor.cardGallery')}
      ></div>
    </div>
  );
}
