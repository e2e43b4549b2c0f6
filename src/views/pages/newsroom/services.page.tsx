import { SERVICE_INFO_LIMITS, type ServiceInfo } from '../../../domain/service/service-info.js';
import { SECTION_LIMITS, type LanguageService, type Section } from '../../../domain/service/service.js';
import { NewsroomLayout, type NewsroomMasthead } from '../../layouts/newsroom.layout.js';
import { FormError, SavedNotice } from './parts.js';

/** The language services, each with a link to its form. */
export function ServicesPage({ masthead, services }: { masthead: NewsroomMasthead; services: readonly LanguageService[] }) {
  const { t } = masthead.i18n;
  return (
    <NewsroomLayout masthead={masthead} title={t('newsroom.services.title')}>
      <h1>{t('newsroom.services.title')}</h1>
      <p>
        <a href="/newsroom/services/new" class="button-link">
          {t('newsroom.services.new')}
        </a>
      </p>
      <ul class="story-list" aria-label={t('newsroom.services.title')}>
        {services.map((service) => (
          <li>
            <h2>
              <a href={`/newsroom/services/${encodeURIComponent(service.code)}`} lang={service.locale} dir={service.direction}>
                {service.name}
              </a>
            </h2>
            <p class="meta">
              /{service.code}/ · {service.locale} · {t(`newsroom.services.direction.${service.direction}`)} · {service.outlet}
            </p>
          </li>
        ))}
      </ul>
    </NewsroomLayout>
  );
}

export interface ServiceFormValues {
  readonly code: string;
  readonly name: string;
  readonly locale: string;
  readonly direction: string;
  readonly outlet: string;
  readonly position: string;
  /** The service's time zone (IANA name); only an existing service's form sets it. */
  readonly timeZone?: string;
}

/** A service's form. The code, part of every address, is chosen once and then only shown. */
export function ServiceFormPage(props: {
  masthead: NewsroomMasthead;
  isNew: boolean;
  values: ServiceFormValues;
  error: string | null;
  saved: boolean;
  /** An existing service's About text and contact details, and why they were refused. */
  info?: { values: ServiceInfo; error: string | null };
}) {
  const { masthead, isNew, values, error, saved, info } = props;
  const { t } = masthead.i18n;
  const title = isNew ? t('newsroom.services.new') : t('newsroom.services.edit');
  return (
    <NewsroomLayout masthead={masthead} title={title}>
      <h1>{title}</h1>
      <SavedNotice masthead={masthead} saved={saved} />
      <FormError error={error} />
      <form method="post" action={isNew ? '/newsroom/services' : `/newsroom/services/${encodeURIComponent(values.code)}`} class="newsroom-form">
        <input type="hidden" name="_csrf" value={masthead.user?.csrfToken ?? ''} />
        <label for="service-code">{t('newsroom.services.code')}</label>
        {isNew ? (
          <input id="service-code" name="code" required maxLength={16} value={values.code} aria-describedby="service-code-help" />
        ) : (
          <input id="service-code" value={values.code} readOnly aria-describedby="service-code-help" />
        )}
        <p id="service-code-help" class="meta">
          {t('newsroom.services.codeHelp')}
        </p>
        <label for="service-name">{t('newsroom.services.name')}</label>
        <input id="service-name" name="name" required maxLength={80} value={values.name} dir="auto" />
        <label for="service-locale">{t('newsroom.services.locale')}</label>
        <input id="service-locale" name="locale" required maxLength={35} value={values.locale} />
        <label for="service-direction">{t('newsroom.services.direction')}</label>
        <select id="service-direction" name="direction">
          {(['ltr', 'rtl'] as const).map((direction) => (
            <option value={direction} selected={direction === values.direction}>
              {t(`newsroom.services.direction.${direction}`)}
            </option>
          ))}
        </select>
        <label for="service-outlet">{t('newsroom.services.outlet')}</label>
        <input id="service-outlet" name="outlet" required maxLength={80} value={values.outlet} dir="auto" />
        <label for="service-position">{t('newsroom.position')}</label>
        <input id="service-position" name="position" type="number" min="0" max={String(SECTION_LIMITS.position)} value={values.position} />
        {isNew ? null : (
          <>
            <label for="service-time-zone">{t('newsroom.services.timeZone')}</label>
            <input id="service-time-zone" name="timeZone" maxLength={64} required value={values.timeZone ?? 'UTC'} autocomplete="off" />
          </>
        )}
        <button type="submit">{t('newsroom.form.save')}</button>
      </form>
      {info ? <ServiceInfoForm masthead={masthead} code={values.code} values={info.values} error={info.error} /> : null}
    </NewsroomLayout>
  );
}

/** The service's About text and contact details, shown on its reader pages /code/about and /code/contact. */
function ServiceInfoForm({ masthead, code, values, error }: { masthead: NewsroomMasthead; code: string; values: ServiceInfo; error: string | null }) {
  const { t } = masthead.i18n;
  return (
    <section aria-labelledby="service-info-title">
      <h2 id="service-info-title">{t('newsroom.services.info')}</h2>
      <p class="meta">{t('newsroom.services.infoHelp')}</p>
      <FormError error={error} />
      <form method="post" action={`/newsroom/services/${encodeURIComponent(code)}/info`} class="newsroom-form">
        <input type="hidden" name="_csrf" value={masthead.user?.csrfToken ?? ''} />
        <label for="service-about">{t('newsroom.services.about')}</label>
        <textarea id="service-about" name="about" rows={8} maxLength={SERVICE_INFO_LIMITS.about} aria-describedby="service-about-help">
          {values.about}
        </textarea>
        <p id="service-about-help" class="meta">
          {t('newsroom.services.aboutHelp', { max: SERVICE_INFO_LIMITS.about })}
        </p>
        <label for="service-email">{t('newsroom.services.email')}</label>
        <input id="service-email" name="email" type="email" maxLength={SERVICE_INFO_LIMITS.email} value={values.email} />
        <label for="service-postal">{t('newsroom.services.postal')}</label>
        <textarea id="service-postal" name="postal" rows={3} maxLength={SERVICE_INFO_LIMITS.postal}>
          {values.postal}
        </textarea>
        <label for="service-phone">{t('newsroom.services.phone')}</label>
        <input id="service-phone" name="phone" type="tel" maxLength={SERVICE_INFO_LIMITS.phone} value={values.phone} />
        <button type="submit">{t('newsroom.form.save')}</button>
      </form>
    </section>
  );
}

/** Every service's sections in navigation order, each with a link to its form. */
export function SectionsPage({ masthead, services, sections }: { masthead: NewsroomMasthead; services: readonly LanguageService[]; sections: readonly Section[] }) {
  const { t } = masthead.i18n;
  return (
    <NewsroomLayout masthead={masthead} title={t('newsroom.sections.title')}>
      <h1>{t('newsroom.sections.title')}</h1>
      <p>
        <a href="/newsroom/sections/new" class="button-link">
          {t('newsroom.sections.new')}
        </a>
      </p>
      {services.map((service) => {
        const own = sections.filter((section) => section.serviceCode === service.code);
        return (
          <section aria-labelledby={`sections-${service.code}`}>
            <h2 id={`sections-${service.code}`}>{service.name}</h2>
            {own.length === 0 ? (
              <p>{t('newsroom.sections.none')}</p>
            ) : (
              <ol class="story-list">
                {own.map((section) => (
                  <li>
                    <a href={`/newsroom/sections/${section.id}`}>{section.name}</a>{' '}
                    <span class="meta">
                      /{service.code}/s/{section.slug} · {t('newsroom.position')} {section.position}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </NewsroomLayout>
  );
}

export interface SectionFormValues {
  readonly id: number | null;
  readonly serviceCode: string;
  readonly name: string;
  readonly slug: string;
  readonly position: string;
  readonly podcast: boolean;
}

/** A section's form: its service (chosen once), name, slug for its address, and place in the navigation. */
export function SectionFormPage(props: {
  masthead: NewsroomMasthead;
  services: readonly LanguageService[];
  values: SectionFormValues;
  error: string | null;
  saved: boolean;
}) {
  const { masthead, services, values, error, saved } = props;
  const { t } = masthead.i18n;
  const title = values.id ? t('newsroom.sections.edit') : t('newsroom.sections.new');
  return (
    <NewsroomLayout masthead={masthead} title={title}>
      <h1>{title}</h1>
      <SavedNotice masthead={masthead} saved={saved} />
      <FormError error={error} />
      <form method="post" action={values.id ? `/newsroom/sections/${values.id}` : '/newsroom/sections'} class="newsroom-form">
        <input type="hidden" name="_csrf" value={masthead.user?.csrfToken ?? ''} />
        <label for="section-service">{t('newsroom.form.service')}</label>
        <select id="section-service" name="serviceCode" disabled={values.id !== null}>
          {services.map((s) => (
            <option value={s.code} selected={s.code === values.serviceCode}>
              {s.name}
            </option>
          ))}
        </select>
        <label for="section-name">{t('newsroom.sections.name')}</label>
        <input id="section-name" name="name" required maxLength={SECTION_LIMITS.name} value={values.name} dir="auto" />
        <label for="section-slug">{t('newsroom.sections.slug')}</label>
        <input id="section-slug" name="slug" required maxLength={120} value={values.slug} aria-describedby="section-slug-help" />
        <p id="section-slug-help" class="meta">
          {t('newsroom.sections.slugHelp')}
        </p>
        <label for="section-position">{t('newsroom.position')}</label>
        <input id="section-position" name="position" type="number" min="0" max={String(SECTION_LIMITS.position)} value={values.position} />
        <p>
          <input id="section-podcast" name="podcast" type="checkbox" value="1" checked={values.podcast} />{' '}
          <label for="section-podcast">{t('newsroom.sections.podcast')}</label>
        </p>
        <button type="submit">{t('newsroom.form.save')}</button>
      </form>
    </NewsroomLayout>
  );
}
