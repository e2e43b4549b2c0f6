/**
 * The script of every newsroom page (enhancement only; every page works without it):
 * - Unsaved changes: a form someone typed in is marked `data-dirty` until it is sent; leaving the
 *   page then asks first (beforeunload). The story editor clears the mark when autosave has saved
 *   everything, and marks the form when its body changes.
 * - A media item page while its renditions are made asks the Admin API for its state every few
 *   seconds, and shows the finished item by itself (reloads, unless a form on it has unsaved changes;
 *   then it says so). Without script the page says to reload.
 * - The notice of the last action ("Saved.") is put in its status region again after load, so
 *   screen readers announce it (a region's text present at load is not announced).
 */
function watchForms(): void {
  const forms = [...document.querySelectorAll<HTMLFormElement>('form')].filter(
    (form) => form.method.toLowerCase() === 'post' && !form.hasAttribute('data-no-unsaved-warning'),
  );
  for (const form of forms) {
    const mark = (event: Event) => {
      const target = event.target as HTMLElement | null;
      // Named fields are what the form sends; the editor's body is contenteditable.
      if (target && ((target as HTMLInputElement).name || target.isContentEditable)) form.dataset.dirty = '1';
    };
    form.addEventListener('input', mark);
    form.addEventListener('change', mark);
    form.addEventListener('submit', (event) => {
      // A preview opens elsewhere and saves nothing.
      if (!(event as SubmitEvent).submitter?.hasAttribute('formtarget')) delete form.dataset.dirty;
    });
  }
  window.addEventListener('beforeunload', (event) => {
    if (!document.querySelector('form[data-dirty]')) return;
    event.preventDefault();
    // Older browsers ask only when returnValue is set; the text they show is their own.
    event.returnValue = '';
  });
}

function announceNotice(): void {
  const notice = document.getElementById('newsroom-notice');
  const text = notice?.textContent?.trim();
  if (!notice || !text) return;
  notice.textContent = '';
  setTimeout(() => {
    notice.textContent = text;
  }, 100);
  // The notice is shown once: a reload or a bookmark of this address does not say it again.
  const url = new URL(location.href);
  if (url.searchParams.has('done')) {
    url.searchParams.delete('done');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  }
}

const MEDIA_POLL_MS = 3000;

function followMediaState(): void {
  const state = document.querySelector<HTMLElement>('[data-media-state="processing"]');
  const hint = document.getElementById('media-processing');
  if (!state || !hint) return;
  hint.textContent = hint.dataset.textWatching ?? hint.textContent;
  const poll = async () => {
    try {
      const response = await fetch(`/api/admin/v1/media/${state.dataset.mediaId}`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
      const item = response.ok ? ((await response.json()) as { status?: string }) : null;
      if (item?.status && item.status !== 'processing') {
        if (document.querySelector('form[data-dirty]')) hint.textContent = hint.dataset.textChanged ?? '';
        else location.reload();
        return;
      }
    } catch {
      // The network dropped: ask again at the next tick.
    }
    setTimeout(() => void poll(), MEDIA_POLL_MS);
  };
  setTimeout(() => void poll(), MEDIA_POLL_MS);
}

watchForms();
announceNotice();
followMediaState();
