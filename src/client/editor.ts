import { Editor, Extension } from '@tiptap/core';
import type { Body } from '../domain/body/body.js';
import { bodyToDoc, docToBody, type BodyLabels, type EditorNode } from '../domain/body/editor-document.js';
import { hrefProblem } from '../domain/body/parse-body.js';
import { startAutosave, type Autosave } from './editor/autosave.js';
import { createPicker, type Choice, type PickerMode } from './editor/picker.js';
import { editorExtensions } from './editor/schema.js';
import { wireFormatTools } from './editor/format-tools.js';
import { pasteNotice } from './editor/paste.js';

/**
 * The body editor island (the newsroom story form, and a live entry's edit form). It replaces
 * the plain body field with a Tiptap editor whose document converts both ways to the domain
 * Body (editor-document.ts), wires the server-rendered toolbar and panels, writes the body as
 * JSON into the form's `bodyJson` field on submit, and on the story form autosaves through the
 * Admin API. Without it the plain form works.
 */
function start(): void {
  const root = document.getElementById('body-editor');
  const form = root?.closest('form') ?? null;
  const isStory = form?.id === 'story-form';
  const area = document.getElementById('body-editor-area');
  const bodyJson = document.getElementById('bodyJson') as HTMLInputElement | null;
  if (!root || !form || !area || !bodyJson) return;

  const initial = JSON.parse(root.dataset.body ?? '[]') as Body;
  const labels = JSON.parse(root.dataset.labels ?? '{}') as BodyLabels;
  const actions: Record<string, () => void> = {};
  const Shortcuts = Extension.create({
    name: 'datelineShortcuts',
    addKeyboardShortcuts: () => ({
      'Mod-k': () => (actions.link?.(), true),
      'Mod-Alt-p': () => (actions.profileLink?.(), true),
    }),
  });

  const pasted = pasteNotice(document.getElementById('editor-paste-notice')!);
  const editor = new Editor({
    element: area,
    extensions: [
      ...editorExtensions({
        media: area.dataset.cardMedia ?? '{label}',
        profile: area.dataset.cardProfile ?? '{label}',
        related: area.dataset.cardRelated ?? '{label}',
        embed: area.dataset.cardEmbed ?? '{label}',
        gallery: area.dataset.cardGallery ?? '{label}',
      }),
      Shortcuts,
    ],
    content: bodyToDoc(initial, labels) as unknown as Record<string, unknown>,
    injectCSS: false,
    // Persian next to English: each paragraph takes the direction of its own text.
    textDirection: 'auto',
    editorProps: {
      attributes: { class: 'editor-content', role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': 'body-label', spellcheck: 'true' },
      // Pasted documents keep what the body can hold; images and frames it cannot are named.
      transformPastedHTML: pasted.transformPastedHTML,
      handlePaste: (_view, event) => {
        const data = event.clipboardData;
        if (!data || data.getData('text/html') || data.getData('text/plain')) return false;
        return pasted.handleFiles([...data.files]);
      },
      handleDrop: (_view, event) => pasted.handleFiles([...((event as DragEvent).dataTransfer?.files ?? [])]),
    },
  });

  // Focus goes back to the body at once, in the same event: TipTap's focus command waits for an
  // animation frame, and what the writer types in between (a panel just closed) would go nowhere.
  const refocusBody = () => editor.view.focus();
  /** A command chain that starts with the body focused now (the toolbar's buttons and panels run these). */
  const focused = () => {
    refocusBody();
    return editor.chain().focus();
  };

  // The editor takes the body's place: the plain field is neither shown nor sent.
  root.hidden = false;
  const plain = document.getElementById('body-plain');
  if (plain) plain.hidden = true;
  plain?.querySelectorAll('textarea').forEach((textarea) => (textarea.disabled = true));
  bodyJson.disabled = false;
  const bodyLabel = document.getElementById('body-label') as HTMLLabelElement | null;
  bodyLabel?.removeAttribute('for');
  bodyLabel?.addEventListener('click', () => editor.commands.focus());

  const currentBody = () => docToBody(editor.getJSON() as EditorNode);

  // Toolbar: buttons with aria-pressed, one tab stop, arrows move between them.
  const toolbar = root.querySelector<HTMLElement>('[role=toolbar]')!;
  const buttons = [...toolbar.querySelectorAll<HTMLButtonElement>('button[data-command]')];
  toolbar.addEventListener('keydown', (event) => {
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const next =
      event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : null;
    if (next === null) return;
    event.preventDefault();
    const target = buttons[(next + buttons.length) % buttons.length]!;
    buttons.forEach((button) => (button.tabIndex = button === target ? 0 : -1));
    target.focus();
  });

  const pressed: Record<string, () => boolean> = {
    paragraph: () => editor.isActive('paragraph') && !editor.isActive('blockquote') && !editor.isActive('bulletList') && !editor.isActive('orderedList'),
    subheading: () => editor.isActive('heading', { level: 2 }),
    bold: () => editor.isActive('bold'),
    italic: () => editor.isActive('italic'),
    link: () => editor.isActive('link'),
    quote: () => editor.isActive('blockquote'),
    bulletList: () => editor.isActive('bulletList'),
    orderedList: () => editor.isActive('orderedList'),
    profileLink: () => editor.isActive('profileLink'),
  };

  // The quote's attribution: shown while the cursor is in a quote.
  const attributionPanel = document.getElementById('editor-attribution')!;
  const attribution = document.getElementById('editor-attribution-text') as HTMLInputElement;
  attribution.addEventListener('input', () => {
    editor.chain().updateAttributes('blockquote', { attribution: attribution.value.trim() ? attribution.value : null }).run();
  });
  attribution.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== 'Escape') return;
    event.preventDefault();
    refocusBody();
  });

  const refresh = () => {
    for (const button of buttons) {
      const isOn = pressed[button.dataset.command ?? ''];
      if (isOn) button.setAttribute('aria-pressed', String(isOn()));
    }
    const inQuote = editor.isActive('blockquote');
    if (!inQuote && document.activeElement !== attribution) attributionPanel.hidden = true;
    if (inQuote) {
      attributionPanel.hidden = false;
      if (document.activeElement !== attribution) attribution.value = String(editor.getAttributes('blockquote').attribution ?? '');
    }
  };
  const formats = wireFormatTools(editor, refocusBody);
  editor.on('transaction', formats.refresh);
  editor.on('transaction', refresh);
  refresh();

  // Link: an inline form for the address, checked as the server checks it.
  const linkPanel = document.getElementById('editor-link')!;
  const linkInput = document.getElementById('editor-link-href') as HTMLInputElement;
  const linkError = document.getElementById('editor-link-error')!;
  const closeLink = () => {
    linkPanel.hidden = true;
    linkError.textContent = '';
    refocusBody();
  };
  const applyLink = () => {
    const href = linkInput.value.trim();
    const problem = hrefProblem(href);
    if (problem) {
      linkError.textContent = `${linkInput.labels?.[0]?.textContent ?? ''} ${problem}`;
      linkInput.setAttribute('aria-invalid', 'true');
      linkInput.focus();
      return;
    }
    linkInput.removeAttribute('aria-invalid');
    refocusBody();
    const { empty } = editor.state.selection;
    if (empty && !editor.isActive('link')) {
      focused().insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      focused().extendMarkRange('link').setLink({ href }).run();
    }
    closeLink();
  };
  actions.link = () => {
    linkPanel.hidden = false;
    linkInput.value = String(editor.getAttributes('link').href ?? '');
    linkError.textContent = '';
    linkInput.focus();
  };
  linkPanel.querySelector('[data-link=apply]')?.addEventListener('click', applyLink);
  linkPanel.querySelector('[data-link=cancel]')?.addEventListener('click', closeLink);
  linkPanel.querySelector('[data-link=remove]')?.addEventListener('click', () => {
    focused().extendMarkRange('link').unsetLink().run();
    closeLink();
  });
  linkInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') applyLink();
    else if (event.key === 'Escape') closeLink();
    else return;
    event.preventDefault();
  });

  // Profiles, media, stories: search as you type.
  const leadField = form.elements.namedItem('leadMediaId') as HTMLInputElement | null;
  const leadCurrent = document.getElementById('lead-media-current');
  const leadPick = document.getElementById('lead-media-pick');
  const leadNone = document.getElementById('lead-media-none');
  // The lead media item's own caption and credit, shown for the item the page was opened with.
  const leadOwn = document.getElementById('lead-media-own');
  // A card, then an empty paragraph to go on writing in (an empty paragraph is not saved).
  const insertCard = (card: EditorNode) => focused().insertContent([card, { type: 'paragraph' }]).run();
  const choose = (mode: PickerMode, choice: Choice) => {
    if (mode !== 'leadMedia') refocusBody();
    const chain = focused();
    if (mode === 'profileLink') {
      const mark = { type: 'profileLink', attrs: { profileId: choice.id } };
      if (editor.state.selection.empty) chain.insertContent({ type: 'text', text: choice.label, marks: [mark] }).run();
      else chain.setMark('profileLink', { profileId: choice.id }).run();
    } else if (mode === 'profileCard') insertCard({ type: 'profileCard', attrs: { profileId: choice.id, label: choice.label } });
    else if (mode === 'media') insertCard({ type: 'mediaEmbed', attrs: { mediaId: choice.id, label: choice.label } });
    else if (mode === 'gallery') formats.addToGallery(choice);
    else if (mode === 'related') insertCard({ type: 'relatedStory', attrs: { storyId: choice.id, label: choice.label } });
    else if (mode === 'leadMedia' && leadField) {
      leadField.value = String(choice.id);
      if (leadCurrent) leadCurrent.textContent = choice.label;
      leadOwn?.replaceChildren();
      leadField.dispatchEvent(new Event('change', { bubbles: true }));
      leadPick?.focus();
    }
  };
  const picker = createPicker(document.getElementById('editor-picker')!, choose, (mode) => {
    if (mode === 'leadMedia') leadPick?.focus();
    else refocusBody();
  });
  const selectedText = () => {
    const { from, to } = editor.state.selection;
    return editor.state.doc.textBetween(from, to, ' ').slice(0, 200);
  };
  actions.profileLink = () => {
    if (editor.isActive('profileLink')) focused().extendMarkRange('profileLink').unsetMark('profileLink').run();
    else picker.open('profileLink', selectedText());
  };
  actions.profileCard = () => picker.open('profileCard');
  actions.media = () => picker.open('media');
  actions.related = () => picker.open('related');
  actions.table = formats.table;
  actions.gallery = () => picker.open('gallery');
  actions.embed = formats.embed;
  actions.paragraph = () => focused().setParagraph().run();
  actions.subheading = () => focused().toggleHeading({ level: 2 }).run();
  actions.bold = () => focused().toggleBold().run();
  actions.italic = () => focused().toggleItalic().run();
  actions.quote = () => {
    focused().toggleBlockquote().run();
  };
  actions.bulletList = () => focused().toggleBulletList().run();
  actions.orderedList = () => focused().toggleOrderedList().run();
  for (const button of buttons) button.addEventListener('click', () => actions[button.dataset.command ?? '']?.());

  if (leadField && leadPick && leadNone) {
    leadPick.hidden = false;
    leadNone.hidden = false;
    leadPick.addEventListener('click', () => picker.open('leadMedia'));
    leadNone.addEventListener('click', () => {
      leadField.value = '';
      if (leadCurrent) leadCurrent.textContent = leadCurrent.dataset.none ?? '';
      leadOwn?.replaceChildren();
      leadField.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }

  // Autosave (a new story is created by its first one), and the body sent with the form. A change
  // of the body marks the form unsaved (the newsroom script asks before leaving) until autosave has it.
  const storyId = Number(form.dataset.storyId);
  const autosave: Autosave | null = isStory ? startAutosave({ form, storyId: storyId > 0 ? storyId : 0, body: currentBody }) : null;
  editor.on('update', () => {
    form.dataset.dirty = '1';
    autosave?.changed();
  });
  editor.on('blur', () => autosave?.flush());

  let sending = false;
  form.addEventListener('submit', (event) => {
    if (sending) return;
    let json: string;
    try {
      json = JSON.stringify(currentBody());
    } catch (error) {
      event.preventDefault();
      const status = document.getElementById('autosave-status');
      if (status) status.textContent = (status.dataset.failed ?? '{reason}').replace('{reason}', error instanceof Error ? error.message : String(error));
      editor.commands.focus();
      return;
    }
    bodyJson.value = json;
    // Only the story form autosaves; any other form is sent as it is.
    if (!autosave) return;
    // A preview opens elsewhere and saves nothing. A save leaves the page: autosave stops, and a
    // save of its still on its way is waited for, so the form carries the version it made.
    const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.formTarget) return;
    event.preventDefault();
    autosave.stop();
    void autosave.idle().then(() => {
      sending = true;
      // requestSubmit keeps the pressed button's own action (Update sends the form elsewhere);
      // it is ignored while this submit event is still being dispatched, hence the next task.
      if (submitter) setTimeout(() => form.requestSubmit(submitter), 0);
      else form.submit();
    });
  });
}

start();
