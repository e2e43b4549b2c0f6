import type { MastheadModel } from '../page-model.js';

export function Masthead({ masthead }: { masthead: MastheadModel }) {
  const { service, services, sections, i18n } = masthead;
  const t = i18n.t;
  const others = services.filter((s) => s.code !== service.code);
  return (
    <header class="masthead">
      <div class="masthead-top">
        <p class="site-name">
          <a href={`/${service.code}/`}>{service.name}</a>
        </p>
        <form class="search-form" role="search" action={`/${service.code}/search`} method="get">
          <label for="search-q" class="visually-hidden">
            {t('search.label')}
          </label>
          <input id="search-q" name="q" type="search" placeholder={t('search.placeholder')} maxLength={200} />
          <button type="submit">{t('search.submit')}</button>
        </form>
      </div>
      <nav id="main-nav" class="main-nav" aria-label={t('nav.label')} tabIndex={-1}>
        <ul>
          <li>
            <a href={`/${service.code}/`}>{t('nav.home')}</a>
          </li>
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`/${service.code}/s/${encodeURIComponent(section.slug)}`}>{section.name}</a>
            </li>
          ))}
        </ul>
      </nav>
      {others.length ? (
        <nav class="service-nav" aria-label={t('nav.services')}>
          <ul>
            {others.map((other) => (
              <li key={other.code}>
                <a href={`/${other.code}/`} lang={other.locale} hrefLang={other.locale} dir={other.direction}>
                  {other.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
