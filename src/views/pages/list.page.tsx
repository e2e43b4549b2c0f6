import { renderDocument } from '../render.js';
import { ReaderLayout } from '../layouts/reader.layout.js';
import { Pager, StoryList } from '../components/story-list.js';
import type { Chrome, ListPageModel } from '../page-model.js';

/** Service home, section and topic pages: a heading and a paginated list of stories. */
export function ListPage({ chrome, model }: { chrome: Chrome; model: ListPageModel }) {
  return (
    <ReaderLayout
      chrome={chrome}
      title={model.title}
      description={chrome.i18n.t('meta.list', { name: model.heading, service: chrome.service.name })}
      currentPath={model.pagination.hrefFor(1)}
      canonicalPath={model.pagination.page > 1 ? model.pagination.hrefFor(model.pagination.page) : model.canonicalPath}
      feeds={model.feeds}
      meta={{ type: 'website', title: model.title, description: null, image: null, jsonLd: [] }}
    >
      <h1>{model.heading}</h1>
      {model.intro ? <p class="intro">{model.intro}</p> : null}
      <StoryList stories={model.stories} i18n={chrome.i18n} />
      <Pager pagination={model.pagination} i18n={chrome.i18n} />
    </ReaderLayout>
  );
}

export function renderListPage(chrome: Chrome, model: ListPageModel): string {
  return renderDocument(<ListPage chrome={chrome} model={model} />);
}
