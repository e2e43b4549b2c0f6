import { renderDocument } from '../render.js';
import { ReaderLayout } from '../layouts/reader.layout.js';
import { Pager, StoryList } from '../components/story-list.js';
import type { MastheadModel, SearchPageModel } from '../page-model.js';

export function SearchPage({ masthead, model }: { masthead: MastheadModel; model: SearchPageModel }) {
  const t = masthead.i18n.t;
  return (
    <ReaderLayout masthead={masthead} title={t('search.title')}>
      <h1>{model.query ? t('search.resultsFor', { query: model.query }) : t('search.title')}</h1>
      {!model.query ? <p>{t('search.prompt')}</p> : null}
      {model.query && model.stories.length === 0 ? <p>{t('search.none')}</p> : null}
      {model.stories.length ? <StoryList stories={model.stories} i18n={masthead.i18n} /> : null}
      <Pager pagination={model.pagination} i18n={masthead.i18n} />
    </ReaderLayout>
  );
}

export function renderSearchPage(masthead: MastheadModel, model: SearchPageModel): string {
  return renderDocument(<SearchPage masthead={masthead} model={model} />);
}
