import type { Chrome } from '../page-model.js';

/**
 * The service's masthead: name and search on one row, the sections below (one scrolling row on
 * a phone), the other languages (hidden on phones, where the footer lists them). currentPath marks
 * the link of the page being read with aria-current="page"; currentSection marks a story's section.
 */
export function Masthead({ chrome, currentPath, currentSection }: { chrome: Chrome; currentPath?: string | undefined; currentSection?: string | undefined }) {
  const { service, services, sections, i18n } = chrome;
  const t = i18n.t;
  const home = `/${service.code}/`;
  const current = (href: string, slug?: string) =>
    href === currentPath ? ('page' as const) : slug !== undefined && slug === currentSection ? ('true' as const) : undefined;
  return (
    <header class="masthead">
      <div class="masthead-inner">
        <div class="masthead-top">
          <p class="site-name">
            <a href={home}>{service.name}</a>
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
              <a href={home} aria-current={current(home)}>
                {t('nav.home')}
              </a>
            </li>
            {sections.map((section) => {
              const href = `/${service.code}/s/${encodeURIComponent(section.slug)}`;
              return (
                <li key={section.id}>
                  <a href={href} aria-current={current(href, section.slug)}>
                    {section.name}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
        {services.length > 1 ? (
          <nav class="service-nav" aria-label={t('nav.services')}>
            <ul>
              {services.map((other) => (
                <li key={other.code}>
                  <a
                    href={`/${other.code}/`}
                    lang={other.locale}
                    hrefLang={other.locale}
                    dir={other.direction}
                    aria-current={other.code === service.code ? 'true' : undefined}
                  >
                    {other.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>
    </header>
  );
}
