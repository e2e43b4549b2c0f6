import { renderDocument } from '../render.js';
import { ReaderLayout } from '../layouts/reader.layout.js';
import { Pager, StoryList } from '../components/story-list.js';
import type { Chrome, SearchPageModel } from '../page-model.js';

export function SearchPage({ chrome, model }: { chrome: Chrome; model: SearchPageModel }) {
  const t = chrome.i18n.t;
  return (
    <ReaderLayout chrome={chrome} title={t('search.title')} canonicalPath={`/${chrome.service.code}/search`}>
      <h1>{model.query ? t('search.resultsFor', { query: model.query }) : t('search.title')}</h1>
      {!model.query ? <p>{t('search.prompt')}</p> : null}
      {model.query && model.stories.length === 0 ? <p>{t('search.none')}</p> : null}
      {model.stories.length ? <StoryList stories={model.stories} i18n={chrome.i18n} /> : null}
      <Pager pagination={model.pagination} i18n={chrome.i18n} />
    </ReaderLayout>
  );
}

export function renderSearchPage(chrome: Chrome, model: SearchPageModel): string {
  return renderDocument(<SearchPage chrome={chrome} model={model} />);
}
