/**
 * The newsroom's upload form, made resumable: the file goes to the tus endpoint in chunks,
 * with a progress bar and its percentage in words; when the connection drops, it asks the
 * server how far it got and goes on from there, again and again until the file is in. Without
 * this script the same form posts the whole file at once.
 *
 * An upload also survives leaving the page: its address is kept in localStorage under the file's
 * name, size and modification time. The page lists unfinished uploads; choosing the same file
 * again offers to go on from where the server got to (tus HEAD), and sending the form does so.
 */
const CHUNK_BYTES = 8 * 1024 * 1024;
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

interface Texts {
  readonly sent: string;
  readonly retrying: string;
  readonly done: string;
  readonly refused: string;
  readonly unfinished: string;
  readonly resume: string;
}

const KEY_PREFIX = 'dateline.upload:';
/** Forgotten after a day: the server lets an unfinished upload expire before that. */
const KEEP_MS = 24 * 3600_000;

interface Unfinished {
  readonly location: string;
  readonly name: string;
  readonly at: number;
}

const keyOf = (file: File) => `${KEY_PREFIX}${file.name}:${file.size}:${file.lastModified}`;

function unfinishedOf(file: File): Unfinished | null {
  try {
    const stored = JSON.parse(localStorage.getItem(keyOf(file)) ?? 'null') as Unfinished | null;
    return stored && typeof stored.location === 'string' && Date.now() - stored.at < KEEP_MS ? stored : null;
  } catch {
    return null;
  }
}

function allUnfinished(): Unfinished[] {
  const found: Unfinished[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(KEY_PREFIX)) continue;
      const stored = JSON.parse(localStorage.getItem(key) ?? 'null') as Unfinished | null;
      if (stored && Date.now() - stored.at < KEEP_MS) found.push(stored);
      else localStorage.removeItem(key);
    }
  } catch {
    // No storage (private mode, refused): uploads still work, only not across a reload.
  }
  return found;
}

function remember(file: File, location: string): void {
  try {
    localStorage.setItem(keyOf(file), JSON.stringify({ location, name: file.name, at: Date.now() } satisfies Unfinished));
  } catch {
    // As above.
  }
}

function forget(file: File): void {
  try {
    localStorage.removeItem(keyOf(file));
  } catch {
    // As above.
  }
}

class Refused extends Error {}

function enhance(form: HTMLFormElement): void {
  const endpoint = form.dataset.endpoint;
  const fileInput = form.querySelector<HTMLInputElement>('input[type=file]');
  const progressRow = form.querySelector<HTMLElement>('[data-upload-progress]');
  const bar = form.querySelector<HTMLProgressElement>('progress');
  const status = form.querySelector<HTMLElement>('[data-upload-status]');
  const csrf = form.querySelector<HTMLInputElement>('input[name=_csrf]')?.value ?? '';
  if (!endpoint || !fileInput || !progressRow || !bar || !status) return;
  const texts: Texts = {
    sent: form.dataset.textSent ?? '{percent}%',
    retrying: form.dataset.textRetrying ?? '{percent}%',
    done: form.dataset.textDone ?? '',
    refused: form.dataset.textRefused ?? '',
    unfinished: form.dataset.textUnfinished ?? '{name}',
    resume: form.dataset.textResume ?? '{percent}%',
  };
  const submit = form.querySelector<HTMLButtonElement>('button[type=submit]');
  const headers = { 'tus-resumable': '1.0.0', 'x-csrf-token': csrf };

  // Uploads left unfinished (a reload, a closed tab): said once, and offered again when the file is chosen.
  const unfinished = allUnfinished();
  if (unfinished.length > 0) status.textContent = unfinished.map((u) => texts.unfinished.replace('{name}', u.name)).join(' ');
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    const earlier = file ? unfinishedOf(file) : null;
    if (!file || !earlier) return;
    serverOffset(earlier.location, headers)
      .then((offset) => {
        progressRow.hidden = false;
        const percent = file.size ? Math.floor((offset / file.size) * 100) : 0;
        bar.value = percent;
        status.textContent = texts.resume.replace('{percent}', String(percent));
      })
      .catch(() => forget(file));
  });

  form.addEventListener('submit', (event) => {
    const file = fileInput.files?.[0];
    if (!file) return;
    event.preventDefault();
    const field = (name: string) => form.querySelector<HTMLInputElement>(`[name=${name}]`)?.value.trim() ?? '';
    const metadata = { filename: file.name, title: field('title'), caption: field('caption'), credit: field('credit'), alt: field('alt') };
    progressRow.hidden = false;
    if (submit) submit.disabled = true;
    const show = (sent: number, template: string) => {
      const percent = file.size ? Math.floor((sent / file.size) * 100) : 100;
      bar.value = percent;
      status.textContent = template.replace('{percent}', String(percent));
    };
    show(0, texts.sent);
    upload(endpoint, csrf, file, metadata, show, texts)
      .then((mediaId) => {
        forget(file);
        status.textContent = `${texts.done} `;
        const link = document.createElement('a');
        link.href = `/newsroom/media/${mediaId}`;
        link.textContent = metadata.title || file.name;
        status.append(link);
        form.reset();
      })
      .catch((error: unknown) => {
        if (error instanceof Refused) forget(file);
        status.textContent = `${texts.refused} ${error instanceof Error ? error.message : String(error)}`;
      })
      .finally(() => {
        if (submit) submit.disabled = false;
      });
  });
}

async function upload(
  endpoint: string,
  csrf: string,
  file: File,
  metadata: Record<string, string>,
  show: (sent: number, template: string) => void,
  texts: Texts,
): Promise<string> {
  const headers = { 'tus-resumable': '1.0.0', 'x-csrf-token': csrf };
  const encoded = Object.entries(metadata)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key} ${base64(value)}`)
    .join(',');
  // The same file's earlier upload goes on where the server got to; one it no longer has starts again.
  const earlier = unfinishedOf(file);
  let offset = 0;
  let location: string | null = null;
  if (earlier) {
    try {
      offset = await serverOffset(earlier.location, headers);
      location = earlier.location;
    } catch {
      forget(file);
    }
  }
  if (!location) {
    const created = await fetch(endpoint, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { ...headers, 'upload-length': String(file.size), 'upload-metadata': encoded },
    });
    if (created.status !== 201) throw new Refused(await reasonOf(created));
    location = created.headers.get('location');
    if (!location) throw new Refused('no upload address');
    remember(file, location);
  }

  let failures = 0;
  const address = location;
  for (;;) {
    try {
      const answer = await sendChunk(address, headers, file, offset, (sent) => show(sent, texts.sent));
      failures = 0;
      offset = answer.offset;
      if (offset >= file.size) {
        if (!answer.mediaId) throw new Refused('the server did not take the file in');
        show(file.size, texts.sent);
        return answer.mediaId;
      }
    } catch (error) {
      if (error instanceof Refused) throw error;
      // The connection dropped: wait, ask the server where it got to, go on from there.
      const delay = RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)] ?? 30_000;
      failures += 1;
      show(offset, texts.retrying);
      await new Promise((resolve) => setTimeout(resolve, delay));
      offset = await serverOffset(address, headers).catch((problem: unknown) => {
        if (problem instanceof Refused) throw problem;
        return offset;
      });
      show(offset, texts.retrying);
    }
  }
}

/** One PATCH with upload progress (XMLHttpRequest: fetch reports no upload progress). */
function sendChunk(
  location: string,
  headers: Record<string, string>,
  file: File,
  offset: number,
  progress: (sent: number) => void,
): Promise<{ offset: number; mediaId: string | null }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PATCH', location);
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.setRequestHeader('upload-offset', String(offset));
    request.setRequestHeader('content-type', 'application/offset+octet-stream');
    request.upload.addEventListener('progress', (event) => progress(offset + event.loaded));
    request.addEventListener('load', () => {
      if (request.status === 204) {
        resolve({ offset: Number(request.getResponseHeader('upload-offset')), mediaId: request.getResponseHeader('dateline-media-id') });
      } else if (request.status >= 400 && request.status < 500 && request.status !== 409 && request.status !== 408) {
        reject(new Refused(reasonFromText(request.responseText, request.statusText)));
      } else {
        reject(new Error(`status ${request.status}`));
      }
    });
    request.addEventListener('error', () => reject(new Error('network')));
    request.addEventListener('abort', () => reject(new Error('aborted')));
    request.addEventListener('timeout', () => reject(new Error('timeout')));
    request.send(file.slice(offset, Math.min(file.size, offset + CHUNK_BYTES)));
  });
}

async function serverOffset(location: string, headers: Record<string, string>): Promise<number> {
  const answer = await fetch(location, { method: 'HEAD', credentials: 'same-origin', headers });
  if (answer.status === 404 || answer.status === 410) throw new Refused('the upload expired; start again');
  const offset = Number(answer.headers.get('upload-offset'));
  if (!answer.ok || !Number.isFinite(offset)) throw new Error('no offset');
  return offset;
}

async function reasonOf(response: Response): Promise<string> {
  return reasonFromText(await response.text().catch(() => ''), response.statusText);
}

function reasonFromText(text: string, fallback: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: { message?: string } };
    return parsed.error?.message ?? (text || fallback);
  } catch {
    return text || fallback;
  }
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  bytes.forEach((byte) => {
    binary += String.fromCharCode(byte);
  });
  return btoa(binary);
}

document.querySelectorAll<HTMLFormElement>('form[data-upload]').forEach(enhance);
