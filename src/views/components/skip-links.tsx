import type { Translate } from '../../i18n/i18n.js';

/** "Accessibility links": hidden until focused, first in the tab order of every page. */
export function SkipLinks({ t }: { t: Translate }) {
  return (
    <nav class="skip-links" aria-labelledby="skip-links-heading">
      <h2 id="skip-links-heading" class="visually-hidden">
        {t('a11y.heading')}
      </h2>
      <ul>
        <li>
          <a href="#main-content">{t('a11y.skipToContent')}</a>
        </li>
        <li>
          <a href="#main-nav">{t('a11y.skipToNavigation')}</a>
        </li>
        <li>
          <a href="#search-q">{t('a11y.skipToSearch')}</a>
        </li>
      </ul>
    </nav>
  );
}
