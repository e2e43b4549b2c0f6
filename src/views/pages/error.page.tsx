import { renderDocument } from '../render.js';
import { ReaderLayout } from '../layouts/reader.layout.js';
import type { Assets, Chrome } from '../page-model.js';
import { translatorFor } from '../../i18n/i18n.js';

export type ErrorPageKind = 'not-found' | 'gone' | 'bad-request' | 'unavailable';

const COPY = {
  'not-found': ['error.notFound.title', 'error.notFound.body'],
  gone: ['error.gone.title', 'error.gone.body'],
  'bad-request': ['error.badRequest.title', 'error.badRequest.body'],
  unavailable: ['error.unavailable.title', 'error.unavailable.body'],
} as const;

/** 404, 410, 400 and 503 pages, in the language of the service the address belongs to. */
export function ErrorPage({ chrome, kind }: { chrome: Chrome; kind: ErrorPageKind }) {
  const t = chrome.i18n.t;
  const [titleKey, bodyKey] = COPY[kind];
  const title = t(titleKey);
  return (
    <ReaderLayout chrome={chrome} title={title}>
      <h1>{title}</h1>
      <p>{t(bodyKey)}</p>
      <p>
        <a href={`/${chrome.service.code}/`}>{t('error.goHome')}</a>
      </p>
    </ReaderLayout>
  );
}

export function renderErrorPage(chrome: Chrome, kind: ErrorPageKind): string {
  return renderDocument(<ErrorPage chrome={chrome} kind={kind} />);
}

/**
 * The 503 page when not even the masthead can be had (the database is away and this process
 * has none in memory): a bare page in English with the site's stylesheet.
 */
export function renderBareUnavailablePage(assets: Assets): string {
  const { t } = translatorFor('en');
  const title = t('error.unavailable.title');
  return renderDocument(
    <html lang="en" dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="stylesheet" href={assets.css} />
      </head>
      <body>
        <main id="content">
          <h1>{title}</h1>
          <p>{t('error.unavailable.body')}</p>
        </main>
      </body>
    </html>,
  );
}
