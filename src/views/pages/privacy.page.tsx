import { renderDocument } from '../render.js';
import { ReaderLayout } from '../layouts/reader.layout.js';
import type { MastheadModel } from '../page-model.js';

const PARTS = ['reading', 'cookies', 'comments', 'logs', 'sharing'] as const;

/** What the site keeps about its readers, in the service's language: linked from every page's footer. */
export function PrivacyPage({ masthead }: { masthead: MastheadModel }) {
  const { i18n, service } = masthead;
  const t = i18n.t;
  return (
    <ReaderLayout
      masthead={masthead}
      title={t('privacy.title')}
      description={t('privacy.intro', { service: service.name })}
      canonicalPath={`/${service.code}/privacy`}
      currentPath={`/${service.code}/privacy`}
      meta={{ type: 'website', title: t('privacy.title'), description: t('privacy.intro', { service: service.name }), image: null, jsonLd: [] }}
    >
      <article class="plain-page" aria-labelledby="privacy-title">
        <h1 id="privacy-title">{t('privacy.title')}</h1>
        <p class="deck">{t('privacy.intro', { service: service.name })}</p>
        {PARTS.map((part) => (
          <section key={part} aria-labelledby={`privacy-${part}`}>
            <h2 id={`privacy-${part}`}>{t(`privacy.${part}.title`)}</h2>
            <p>{t(`privacy.${part}.text`)}</p>
          </section>
        ))}
      </article>
    </ReaderLayout>
  );
}

export function renderPrivacyPage(masthead: MastheadModel): string {
  return renderDocument(<PrivacyPage masthead={masthead} />);
}
