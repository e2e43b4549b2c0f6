import { renderDocument } from '../render.js';
import type { LanguageService } from '../../domain/service/service.js';
import type { Assets } from '../page-model.js';
import { HeadLinks } from '../components/head-links.js';

/** The root of the site: every language service, each named in its own language and script. */
export function ServicesPage({ services, assets, title }: { services: readonly LanguageService[]; assets: Assets; title: string }) {
  return (
    <html lang="en" dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content="Dateline: news in every language service of this site." />
        <link rel="stylesheet" href={assets.css} />
        <HeadLinks assets={assets} />
      </head>
      <body>
        <main id="main-content" class="services-index">
          <h1>{title}</h1>
          <ul class="service-list">
            {services.map((service) => (
              <li key={service.code}>
                <a href={`/${service.code}/`} lang={service.locale} hrefLang={service.locale} dir={service.direction}>
                  {service.name}
                </a>
              </li>
            ))}
          </ul>
        </main>
      </body>
    </html>
  );
}

export function renderServicesPage(services: readonly LanguageService[], assets: Assets, title: string): string {
  return renderDocument(<ServicesPage services={services} assets={assets} title={title} />);
}
