import { renderDocument } from '../render.js';
import { ReaderLayout } from '../layouts/reader.layout.js';
import type { Chrome } from '../page-model.js';

export type ErrorPageKind = 'not-found' | 'gone' | 'bad-request';

const COPY = {
  'not-found': ['error.notFound.title', 'error.notFound.body'],
  gone: ['error.gone.title', 'error.gone.body'],
  'bad-request': ['error.badRequest.title', 'error.badRequest.body'],
} as const;

/** 404, 410 and 400 pages, in the language of the service the address belongs to. */
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
