/**
 * The live island of reader pages: joins the service's Server-Sent Events stream and puts the
 * breaking-news banner up and takes it down as alerts start and end, inside a polite live
 * region so screen readers announce it without interrupting. Without JavaScript the page
 * shows the alert that was live when it was served, as before.
 */

interface LiveAlert {
  id: number;
  text: string;
  linkUrl: string | null;
  expiresAt: number;
}

type LiveUpdate =
  | { type: 'alert'; alert: LiveAlert | null; now: number }
  | { type: 'story' | 'comments'; storyId: number }
  | { type: 'entry'; storyId: number; entryId: number; version: number | null };

const FIRST_RETRY_MS = 2_000;
/** A node may not have purged its cached page yet when the stream tells of an entry: ask again a few times. */
const PAGE_TRIES = 5;
const PAGE_RETRY_MS = 400;

/**
 * A live story's entries changed: the page (from the page cache, purged by the change) is
 * fetched again and its live section swapped in, so entries appear in order, once, exactly as
 * the page without JavaScript shows them. Only on the first page: later pages hold older entries.
 */
function entriesUpdater() {
  let queue: Promise<void> = Promise.resolve();
  /** Fetches the page again until `ready` holds for it (a few tries), and swaps its live section in. */
  const swapIn = (ready: (doc: Document) => boolean) => {
    queue = queue.then(async () => {
      for (let attempt = 0; attempt < PAGE_TRIES; attempt++) {
        const response = await fetch(window.location.pathname, { headers: { accept: 'text/html' } });
        if (response.ok) {
          const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
          const fresh = doc.querySelector('.live-coverage');
          if (fresh && (ready(doc) || attempt === PAGE_TRIES - 1)) {
            const shown = document.querySelector('.live-coverage');
            // Unchanged: left as it is, so nothing the reader has focused or selected in it is lost.
            if (shown && shown.outerHTML !== fresh.outerHTML) shown.replaceWith(document.adoptNode(fresh));
            return;
          }
        }
        await new Promise((resolve) => window.setTimeout(resolve, PAGE_RETRY_MS));
      }
    }).catch(() => undefined);
  };
  const firstPage = () => {
    const section = document.querySelector<HTMLElement>('.live-coverage[data-story-id]');
    return section?.dataset.page === '1' ? section : null;
  };
  return {
    /** An entry changed: swap in the page once it shows that version (or its deletion). */
    changed(update: { storyId: number; entryId: number; version: number | null }) {
      if (firstPage()?.dataset.storyId !== String(update.storyId)) return;
      swapIn((doc) => {
        const entry = doc.querySelector<HTMLElement>(`[data-entry-id="${update.entryId}"]`);
        return update.version === null ? !entry : entry?.dataset.version === String(update.version);
      });
    },
    /** The stream has just started from now: entries posted since the page was served are fetched once. */
    caughtUp() {
      if (firstPage()) swapIn(() => true);
    },
  };
}
const LAST_RETRY_MS = 60_000;

/** Only the site's own paths and http(s) addresses become links (the server checks this too). */
function safeHref(url: string | null): string | null {
  if (!url) return null;
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  return /^https?:\/\//i.test(url) ? url : null;
}

function start(region: HTMLElement, streamUrl: string): void {
  const label = region.dataset.label ?? '';
  let expiry: number | undefined;

  const takeDown = () => {
    window.clearTimeout(expiry);
    region.replaceChildren();
  };
  const show = (alert: LiveAlert | null, serverNow: number) => {
    // Counted from the server's time, not this device's clock, which may be off.
    const remainingMs = alert ? alert.expiresAt - serverNow : 0;
    if (!alert || remainingMs <= 0) return takeDown();
    const shown = region.querySelector<HTMLElement>('[data-alert-id]');
    if (shown?.dataset.alertId !== String(alert.id) || shown.querySelector('.breaking-text')?.textContent !== alert.text) {
      const aside = document.createElement('aside');
      aside.className = 'breaking';
      aside.setAttribute('aria-labelledby', 'breaking-label');
      aside.dataset.alertId = String(alert.id);
      const heading = document.createElement('h2');
      heading.id = 'breaking-label';
      heading.className = 'breaking-label';
      heading.textContent = label;
      const text = document.createElement('p');
      text.className = 'breaking-text';
      const href = safeHref(alert.linkUrl);
      if (href) {
        const link = document.createElement('a');
        link.href = href;
        link.textContent = alert.text;
        text.append(link);
      } else {
        text.textContent = alert.text;
      }
      aside.append(heading, text);
      region.replaceChildren(aside);
    }
    window.clearTimeout(expiry);
    expiry = window.setTimeout(takeDown, remainingMs);
  };

  const updateEntries = entriesUpdater();
  let lastEventId = '';
  let retryMs = FIRST_RETRY_MS;
  const connect = () => {
    const url = lastEventId ? `${streamUrl}?lastEventId=${encodeURIComponent(lastEventId)}` : streamUrl;
    const source = new EventSource(url);
    source.onopen = () => {
      retryMs = FIRST_RETRY_MS;
    };
    // A stream opened without an id starts from now: what changed since the page was served comes by fetching it once.
    let fresh = lastEventId === '';
    source.onmessage = (message: MessageEvent<string>) => {
      if (message.lastEventId) lastEventId = message.lastEventId;
      if (fresh) {
        fresh = false;
        updateEntries.caughtUp();
      }
      let update: LiveUpdate;
      try {
        update = JSON.parse(message.data) as LiveUpdate;
      } catch {
        return;
      }
      if (update.type === 'alert') show(update.alert, update.now);
      else if (update.type === 'entry') updateEntries.changed(update);
    };
    // The browser reconnects by itself (sending Last-Event-ID) after a dropped stream; only when
    // it gives up (the server answered with an error) does the page try again, more slowly each time.
    source.onerror = () => {
      if (source.readyState !== EventSource.CLOSED) return;
      window.setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
    };
  };
  connect();
}

const region = document.querySelector<HTMLElement>('.breaking-region[data-live]');
const streamUrl = region?.dataset.live;
if (region && streamUrl && typeof EventSource === 'function') start(region, streamUrl);

function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** The registration once its worker is active (a push subscription needs one). */
async function activated(registration: ServiceWorkerRegistration): Promise<ServiceWorkerRegistration> {
  const pending = registration.installing ?? registration.waiting;
  if (registration.active || !pending) return registration;
  await new Promise<void>((resolve) => {
    pending.addEventListener('statechange', () => {
      if (pending.state === 'activated') resolve();
    });
  });
  return registration;
}

/**
 * The offer of breaking alerts as notifications (Web Push): shown only where the browser can
 * take them. Turning them on asks the browser's permission, subscribes with the site's key
 * and tells the site the subscription; turning them off removes it on both sides.
 */
async function offerPush(section: HTMLElement): Promise<void> {
  const { key, subscriptions, worker, on, off, blocked } = section.dataset;
  const button = section.querySelector<HTMLButtonElement>('.push-toggle');
  const status = section.querySelector<HTMLElement>('.push-status');
  if (!key || !subscriptions || !worker || !button || !status) return;
  // The worker is registered only when the reader turns alerts on: a page view installs nothing.
  const scope = new URL(worker, window.location.href).pathname.replace(/[^/]*$/, '');
  const existing = (await navigator.serviceWorker.getRegistrations()).find((candidate) => new URL(candidate.scope).pathname === scope);
  let subscription = existing ? await existing.pushManager.getSubscription() : null;
  const render = () => {
    button.textContent = (subscription ? on : off) ?? '';
  };
  const send = (method: string, body: object) =>
    fetch(subscriptions, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  render();
  section.hidden = false;
  button.addEventListener('click', () => {
    button.disabled = true;
    (async () => {
      if (subscription) {
        await send('DELETE', { endpoint: subscription.endpoint });
        await subscription.unsubscribe();
        subscription = null;
        return;
      }
      if ((await Notification.requestPermission()) !== 'granted') {
        status.textContent = blocked ?? '';
        return;
      }
      const registration = await activated(existing ?? (await navigator.serviceWorker.register(worker)));
      const { publicKey } = (await (await fetch(key)).json()) as { publicKey: string };
      const created = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: applicationServerKey(publicKey) });
      const json = created.toJSON();
      const answer = await send('POST', { endpoint: json.endpoint, keys: json.keys });
      if (answer.ok) subscription = created;
      else await created.unsubscribe();
    })()
      .catch(() => undefined)
      .finally(() => {
        button.disabled = false;
        render();
      });
  });
}

const pushOffer = document.querySelector<HTMLElement>('.push-offer');
if (pushOffer && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window) {
  offerPush(pushOffer).catch(() => undefined);
}
