import { linesOf, paragraphsOf, type ServiceInfo } from '../../domain/service/service-info.js';
import { renderDocument } from '../render.js';
import { ReaderLayout } from '../layouts/reader.layout.js';
import type { MastheadModel } from '../page-model.js';

/** The service's language, named in that language: "English", "русский", "فارسی". */
function languageName(locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

/** The About page: the editors' paragraphs, or the catalogue's standard text until they write theirs. */
export function AboutPage({ masthead, info }: { masthead: MastheadModel; info: ServiceInfo }) {
  const { i18n, service } = masthead;
  const t = i18n.t;
  const vars = { service: service.name, outlet: service.outlet, language: languageName(service.locale) };
  const paragraphs = info.about ? paragraphsOf(info.about) : [t('about.default.1', vars), t('about.default.2', vars)];
  const path = `/${service.code}/about`;
  const description = paragraphs[0] ?? t('about.title');
  return (
    <ReaderLayout
      masthead={masthead}
      title={t('about.title')}
      description={description}
      canonicalPath={path}
      currentPath={path}
      meta={{ type: 'website', title: t('about.title'), description, image: null, jsonLd: [] }}
    >
      <article class="plain-page" aria-labelledby="about-title">
        <h1 id="about-title">{t('about.title')}</h1>
        <section>
          {paragraphs.map((paragraph) => (
            <p>{paragraph}</p>
          ))}
        </section>
      </article>
    </ReaderLayout>
  );
}

/** The Contact page: the email address, postal address and phone the editors gave, or where to reach them meanwhile. */
export function ContactPage({ masthead, info }: { masthead: MastheadModel; info: ServiceInfo }) {
  const { i18n, service } = masthead;
  const t = i18n.t;
  const path = `/${service.code}/contact`;
  const intro = t('contact.intro', { service: service.name });
  const hasAny = Boolean(info.email || info.postal || info.phone);
  return (
    <ReaderLayout
      masthead={masthead}
      title={t('contact.title')}
      description={intro}
      canonicalPath={path}
      currentPath={path}
      meta={{ type: 'website', title: t('contact.title'), description: intro, image: null, jsonLd: [] }}
    >
      <article class="plain-page" aria-labelledby="contact-title">
        <h1 id="contact-title">{t('contact.title')}</h1>
        <p class="deck">{intro}</p>
        {hasAny ? (
          <dl class="contact-details">
            {info.email ? (
              <>
                <dt>{t('contact.email')}</dt>
                <dd>
                  <a href={`mailto:${info.email}`} dir="ltr">
                    {info.email}
                  </a>
                </dd>
              </>
            ) : null}
            {info.postal ? (
              <>
                <dt>{t('contact.postal')}</dt>
                <dd>
                  <address>
                    {linesOf(info.postal).map((line, index) => (
                      <>
                        {index > 0 ? <br /> : null}
                        {line}
                      </>
                    ))}
                  </address>
                </dd>
              </>
            ) : null}
            {info.phone ? (
              <>
                <dt>{t('contact.phone')}</dt>
                <dd>
                  <a href={`tel:${info.phone.replace(/[^0-9+]/gu, '')}`} dir="ltr">
                    {info.phone}
                  </a>
                </dd>
              </>
            ) : null}
          </dl>
        ) : (
          <section>
            <p>{t('contact.default')}</p>
          </section>
        )}
      </article>
    </ReaderLayout>
  );
}

export function renderAboutPage(masthead: MastheadModel, info: ServiceInfo): string {
  return renderDocument(<AboutPage masthead={masthead} info={info} />);
}

export function renderContactPage(masthead: MastheadModel, info: ServiceInfo): string {
  return renderDocument(<ContactPage masthead={masthead} info={info} />);
}
