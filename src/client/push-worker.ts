/**
 * The service worker of Web Push: shows a pushed breaking alert as a notification and opens
 * its link when the notification is chosen. It does nothing else (no caching, no tracking).
 */

interface PushedAlert {
  text: string;
  url: string | null;
}
interface WorkerScope {
  addEventListener(type: 'push', listener: (event: { data: { json(): unknown } | null; waitUntil(work: Promise<unknown>): void }) => void): void;
  addEventListener(
    type: 'notificationclick',
    listener: (event: { notification: { data: unknown; close(): void }; waitUntil(work: Promise<unknown>): void }) => void,
  ): void;
  registration: { showNotification(title: string, options: { body: string; data: unknown; tag: string }): Promise<void> };
  clients: { openWindow(url: string): Promise<unknown> };
  location: { origin: string };
}

const scope = self as unknown as WorkerScope;

scope.addEventListener('push', (event) => {
  const alert = (event.data?.json() ?? null) as PushedAlert | null;
  if (!alert || typeof alert.text !== 'string') return;
  event.waitUntil(scope.registration.showNotification(alert.text, { body: '', data: alert.url, tag: 'dateline-alert' }));
});

scope.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = typeof event.notification.data === 'string' ? event.notification.data : '/';
  // Only the site's own pages and http(s) addresses.
  if (url.startsWith('/') || /^https?:\/\//.test(url)) event.waitUntil(scope.clients.openWindow(url.startsWith('/') ? scope.location.origin + url : url));
});
