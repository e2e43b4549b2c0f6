import type { Translate } from '../../i18n/i18n.js';

/**
 * Sharing as plain links: no third-party script, no counter, nothing loaded from elsewhere
 * until the reader follows one. "Link to this story" is the address itself, to copy or long-press.
 */
export function ShareLinks({ url, title, t }: { url: string; title: string; t: Translate }) {
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(title);
  const links: readonly [string, string][] = [
    [t('share.email'), `mailto:?subject=${text}&body=${u}`],
    ['Telegram', `https://t.me/share/url?url=${u}&text=${text}`],
    ['WhatsApp', `https://wa.me/?text=${text}%20${u}`],
    ['X', `https://x.com/intent/post?url=${u}&text=${text}`],
    ['Facebook', `https://www.facebook.com/sharer/sharer.php?u=${u}`],
  ];
  return (
    <nav class="share" aria-labelledby="share-label">
      <h2 id="share-label">{t('share.label')}</h2>
      <ul>
        <li>
          <a href={url} class="share-copy">
            {t('share.link')}
          </a>
        </li>
        {links.map(([name, href]) => (
          <li key={name}>
            <a href={href} rel="noopener noreferrer nofollow">
              {name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
