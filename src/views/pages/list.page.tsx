import { renderDocument } from '../render.js';
import { ReaderLayout } from '../layouts/reader.layout.js';
import { Pager, StoryList } from '../components/story-list.js';
import type { MastheadModel, ListPageModel } from '../page-model.js';

/** Service home, section and topic pages: a heading and a paginated list of stories. */
export function ListPage({ masthead, model }: { masthead: MastheadModel; model: ListPageModel }) {
  return (
    <ReaderLayout
      masthead={masthead}
      title={model.title}
      description={masthead.i18n.t('meta.list', { name: model.heading, service: masthead.service.name })}
      currentPath={model.pagination.hrefFor(1)}
      canonicalPath={model.pagination.page > 1 ? model.pagination.hrefFor(model.pagination.page) : model.canonicalPath}
      feeds={model.feeds}
      meta={{ type: 'website', title: model.title, description: null, image: null, jsonLd: [] }}
    >
      <h1>{model.heading}</h1>
      {model.intro ? <p class="intro">{model.intro}</p> : null}
      <StoryList stories={model.stories} masthead={masthead} media={model.media} />
      <Pager pagination={model.pagination} i18n={masthead.i18n} />
    </ReaderLayout>
  );
}

export function renderListPage(masthead: MastheadModel, model: ListPageModel): string {
  return renderDocument(<ListPage masthead={masthead} model={model} />);
}
