/**
 * The search-as-you-type picker of the editor (profiles, media, stories): a combobox with a
 * listbox, driven from the keyboard (Up and Down choose, Enter takes, Escape closes) with
 * aria-activedescendant, over the Admin API's list endpoints.
 */
export type PickerMode = 'profileLink' | 'profileCard' | 'media' | 'leadMedia' | 'related' | 'gallery';

export interface Choice {
  readonly id: number;
  readonly label: string;
  readonly detail?: string;
  readonly posterUrl?: string | null;
}

const API = '/api/admin/v1';

interface Listed {
  items: Record<string, unknown>[];
}

async function search(mode: PickerMode, query: string): Promise<Choice[]> {
  const q = encodeURIComponent(query);
  const url =
    mode === 'related'
      ? `${API}/stories?q=${q}&perPage=8`
      : mode === 'media' || mode === 'leadMedia' || mode === 'gallery'
        ? `${API}/media?q=${q}&limit=8`
        : `${API}/profiles?q=${q}&limit=8`;
  const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  const { items } = (await response.json()) as Listed;
  // A gallery is of photos.
  return items.filter((item) => mode !== 'gallery' || item.kind === 'image').map((item) => {
    const id = Number(item.id);
    if (mode === 'related') return { id, label: String(item.headline ?? ''), detail: String(item.status ?? '') };
    if (mode === 'media' || mode === 'leadMedia' || mode === 'gallery') {
      return { id, label: String(item.title ?? ''), detail: String(item.kind ?? ''), posterUrl: typeof item.posterUrl === 'string' ? item.posterUrl : null };
    }
    return { id, label: String(item.name ?? ''), detail: String(item.kind ?? '') };
  });
}

export interface Picker {
  open(mode: PickerMode, query?: string): void;
  close(): void;
}

export function createPicker(root: HTMLElement, onChoose: (mode: PickerMode, choice: Choice) => void, onClose: (mode: PickerMode) => void): Picker {
  const input = root.querySelector<HTMLInputElement>('#editor-picker-q')!;
  const list = root.querySelector<HTMLUListElement>('#editor-picker-list')!;
  const label = root.querySelector<HTMLElement>('#editor-picker-label')!;
  const status = root.querySelector<HTMLElement>('#editor-picker-status')!;
  let mode: PickerMode = 'profileLink';
  let choices: Choice[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  const labelKey: Record<PickerMode, string> = {
    profileLink: 'labelProfileLink',
    profileCard: 'labelProfileCard',
    media: 'labelMedia',
    leadMedia: 'labelLeadMedia',
    related: 'labelRelated',
    gallery: 'labelMedia',
  };

  const setActive = (index: number) => {
    active = choices.length ? (index + choices.length) % choices.length : -1;
    list.querySelectorAll<HTMLElement>('[role=option]').forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', `editor-picker-option-${active}`);
      document.getElementById(`editor-picker-option-${active}`)?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const render = () => {
    list.replaceChildren(
      ...choices.map((choice, index) => {
        const option = document.createElement('li');
        option.id = `editor-picker-option-${index}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.className = 'editor-picker-option';
        if (choice.posterUrl) {
          const poster = document.createElement('img');
          poster.src = choice.posterUrl;
          poster.alt = '';
          poster.width = 64;
          poster.height = 36;
          option.append(poster);
        }
        const name = document.createElement('span');
        name.textContent = choice.label;
        option.append(name);
        if (choice.detail) {
          const detail = document.createElement('span');
          detail.className = 'meta';
          detail.textContent = ` · ${choice.detail}`;
          option.append(detail);
        }
        option.addEventListener('mousedown', (event) => event.preventDefault());
        option.addEventListener('click', () => take(index));
        return option;
      }),
    );
    input.setAttribute('aria-expanded', String(choices.length > 0));
    status.textContent = choices.length ? '' : (root.dataset.noMatches ?? '');
    setActive(choices.length ? 0 : -1);
  };

  const run = () => {
    const ask = ++asked;
    search(mode, input.value.trim())
      .then((found) => {
        if (ask !== asked) return;
        choices = found;
        render();
      })
      .catch((error: unknown) => {
        if (ask !== asked) return;
        choices = [];
        render();
        status.textContent = (root.dataset.unavailable ?? '{reason}').replace('{reason}', error instanceof Error ? error.message : String(error));
      });
  };

  const take = (index: number) => {
    const choice = choices[index];
    if (!choice) return;
    const taken = mode;
    hide();
    onChoose(taken, choice);
  };

  const hide = () => {
    root.hidden = true;
    choices = [];
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') setActive(active + 1);
    else if (event.key === 'ArrowUp') setActive(active - 1);
    else if (event.key === 'Enter') take(active);
    else if (event.key === 'Escape') {
      const closed = mode;
      hide();
      onClose(closed);
    } else return;
    event.preventDefault();
  });
  root.querySelector('[data-picker=cancel]')?.addEventListener('click', () => {
    const closed = mode;
    hide();
    onClose(closed);
  });

  return {
    open(next, query = '') {
      mode = next;
      label.textContent = root.dataset[labelKey[next]] ?? '';
      root.hidden = false;
      input.value = query;
      status.textContent = '';
      input.focus();
      run();
    },
    close: hide,
  };
}
