import type { Body } from '../../domain/body/body.js';

/**
 * Autosave of the story form through the Admin API (PUT /stories/:id with the version the
 * writer edited): a few seconds after the last change, and when the editor loses focus. The
 * status line (role=status) says "Saving…", "Saved 14:02" or "Not saved: …". A save refused
 * because someone else saved first (409) stops autosaving and says so, with a link to the diff
 * of the two versions (both are kept): nothing is ever overwritten silently.
 *
 * A new story is autosaved too: its first autosave creates it (POST /stories), and from then on
 * the form, the address bar (history.replaceState) and later autosaves are that story's. When
 * everything typed is saved, the form's unsaved-changes mark (data-dirty) is cleared.
 */
const API = '/api/admin/v1';
const DELAY_MS = 3000;

export interface AutosaveOptions {
  readonly form: HTMLFormElement;
  /** 0 for a new story: the first autosave creates it. */
  readonly storyId: number;
  /** The body from the editor; throws (with a message for the writer) when it cannot be saved. */
  readonly body: () => Body;
}

export interface Autosave {
  /** Something changed: save in a few seconds. */
  changed(): void;
  /** Save now if anything changed (on blur). */
  flush(): void;
  /** Stop (the form is being sent, or a conflict). */
  stop(): void;
  /** Resolves when no save is on its way (so the form is sent with the version that save made). */
  idle(): Promise<void>;
  readonly stopped: () => boolean;
}

interface ApiError {
  error?: { code?: string; message?: string };
}

export function startAutosave({ form, storyId, body }: AutosaveOptions): Autosave {
  const status = document.getElementById('autosave-status');
  const conflictBox = document.getElementById('autosave-conflict');
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
  const value = (name: string) => field(name)?.value ?? '';
  const versionField = field('version');
  let dirty = false;
  let saving = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  let id = storyId;

  const say = (key: 'saving' | 'saved' | 'failed', params: Record<string, string> = {}) => {
    if (!status) return;
    let text = status.dataset[key] ?? '';
    for (const [name, param] of Object.entries(params)) text = text.replace(`{${name}}`, param);
    status.textContent = text;
  };

  const lines = (text: string) =>
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);

  const payload = () => {
    const place = value('place').trim();
    const outlet = value('outlet').trim();
    const lead = value('leadMediaId').trim();
    const tagIds = [...form.querySelectorAll<HTMLInputElement>('input[data-tag-id]')].filter((box) => box.checked).map((box) => Number(box.dataset.tagId));
    return {
      version: Number(versionField?.value) || 1,
      serviceCode: value('serviceCode'),
      sectionId: value('sectionId') ? Number(value('sectionId')) : null,
      headline: value('headline'),
      deck: value('deck').trim() ? value('deck') : null,
      slug: value('slug').trim(),
      dateline: place || outlet ? { place, outlet } : null,
      bylines: lines(value('bylines')),
      credits: lines(value('credits')),
      tagIds,
      leadMediaId: lead === '' ? null : /^\d+$/.test(lead) ? Number(lead) : lead,
      // Empty: the media item's own caption and credit.
      leadMediaCaption: value('leadMediaCaption').trim() || null,
      leadMediaCredit: value('leadMediaCredit').trim() || null,
      commentsState: form.dataset.commentsState === 'closed' ? 'closed' : 'open',
      body: body(),
      autosave: true,
    };
  };

  const showConflict = async (mine: number) => {
    stopped = true;
    clearTimeout(timer);
    if (status) status.textContent = '';
    if (!conflictBox) return;
    const message = document.getElementById('autosave-conflict-message');
    const diff = document.getElementById('autosave-conflict-diff') as HTMLAnchorElement | null;
    let current = '?';
    try {
      const [story, revisions] = await Promise.all([
        fetch(`${API}/stories/${id}`, { credentials: 'same-origin' }).then((r) => r.json() as Promise<{ version: number }>),
        fetch(`${API}/stories/${id}/revisions?perPage=50`, { credentials: 'same-origin' }).then(
          (r) => r.json() as Promise<{ items: { id: number; version: number; kind: string }[] }>,
        ),
      ]);
      current = String(story.version);
      const theirs = revisions.items.find((r) => r.kind !== 'conflict' && r.version === story.version);
      const ours = revisions.items.find((r) => r.kind === 'conflict' && r.version === mine);
      if (diff && theirs && ours) diff.href = `/newsroom/stories/${id}/revisions/diff?from=${theirs.id}&to=${ours.id}`;
    } catch {
      // The message still says what happened; the link goes to the revisions list.
    }
    if (message) message.textContent = (conflictBox.dataset.message ?? '').replace('{version}', current);
    conflictBox.hidden = false;
  };

  /** The new story now exists: the form saves to it, and the address is its own (a reload finds it). */
  const becomeStory = (newId: number) => {
    id = newId;
    form.dataset.storyId = String(newId);
    form.action = `/newsroom/stories/${newId}`;
    history.replaceState(history.state, '', `/newsroom/stories/${newId}`);
  };

  const save = () => {
    inFlight = inFlight.then(saveNow);
    return inFlight;
  };

  const saveNow = async () => {
    if (stopped || saving || !dirty) return;
    let data: ReturnType<typeof payload>;
    try {
      data = payload();
    } catch (error) {
      say('failed', { reason: error instanceof Error ? error.message : String(error) });
      return;
    }
    saving = true;
    dirty = false;
    say('saving');
    try {
      const creating = id === 0;
      // A new story is created by its first autosave (the version and the autosave mark belong to updates).
      const { version: _version, autosave: _autosave, ...created } = data;
      const response = await fetch(creating ? `${API}/stories` : `${API}/stories/${id}`, {
        method: creating ? 'POST' : 'PUT',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': value('_csrf') },
        body: JSON.stringify(creating ? created : data),
      });
      const result = (await response.json().catch(() => ({}))) as ApiError & { version?: number; id?: number; pending?: unknown };
      if (response.ok && creating && typeof result.id === 'number') becomeStory(result.id);
      if (response.ok && typeof result.version === 'number') {
        if (versionField) versionField.value = String(result.version);
        if (!dirty) delete form.dataset.dirty;
        // A live story's save is a pending version: the page says readers do not see it yet.
        if (result.pending) document.getElementById('pending-flag')?.removeAttribute('hidden');
        const now = new Date();
        say('saved', { time: `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}` });
      } else if (response.status === 409 && result.error?.code === 'STORY_VERSION_CONFLICT') {
        await showConflict(data.version);
      } else {
        // A refusal (400, 401, 403) waits for the next change; a server error is tried again.
        dirty = response.status >= 500;
        say('failed', { reason: result.error?.message ?? `${response.status} ${response.statusText}` });
      }
    } catch (error) {
      dirty = true;
      say('failed', { reason: error instanceof Error ? error.message : String(error) });
    } finally {
      saving = false;
    }
    if (dirty && !stopped) schedule();
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void save(), DELAY_MS);
  };

  // The story's own fields (named); the editor's panels (search, link address) are not the story.
  const onField = (event: Event) => {
    if (!(event.target as HTMLInputElement | null)?.name) return;
    dirty = true;
    if (!stopped) schedule();
  };
  form.addEventListener('input', onField);
  form.addEventListener('change', onField);

  return {
    changed() {
      dirty = true;
      if (!stopped) schedule();
    },
    flush() {
      clearTimeout(timer);
      void save();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
    stopped: () => stopped,
    idle: () => inFlight,
  };
}
