import { storyPath } from '../../domain/story/story-path.js';
import { renderDocument } from '../render.js';
import { ReaderLayout } from '../layouts/reader.layout.js';
import { Pager } from '../components/story-list.js';
import type { Chrome, SearchPageModel, SearchResultItem } from '../page-model.js';
import type { Translator } from '../../i18n/i18n.js';

export function SearchPage({ chrome, model }: { chrome: Chrome; model: SearchPageModel }) {
  const t = chrome.i18n.t;
  return (
    <ReaderLayout chrome={chrome} title={t('search.title')} canonicalPath={`/${chrome.service.code}/search`}>
      <h1>{model.query ? t('search.resultsFor', { query: model.query }) : t('search.title')}</h1>
      <SearchFilters chrome={chrome} model={model} />
      {!model.query ? <p>{t('search.prompt')}</p> : null}
      {model.query && model.results.length === 0 ? <p>{t('search.none')}</p> : null}
      {model.results.length ? <SearchResults results={model.results} i18n={chrome.i18n} /> : null}
      <Pager pagination={model.pagination} i18n={chrome.i18n} />
    </ReaderLayout>
  );
}

function SearchFilters({ chrome, model }: { chrome: Chrome; model: SearchPageModel }) {
  const t = chrome.i18n.t;
  return (
    <form class="search-filters" action={`/${chrome.service.code}/search`} method="get" aria-label={t('search.filters')}>
      <p>
        <label for="search-page-q">{t('search.label')}</label>
        <input id="search-page-q" name="q" type="search" value={model.query} maxLength={200} aria-describedby="search-syntax" />
      </p>
      <p id="search-syntax" class="hint">
        {t('search.syntax')}
      </p>
      {chrome.sections.length ? (
        <p>
          <label for="search-section">{t('search.section')}</label>
          <select id="search-section" name="section">
            <option value="">{t('search.allSections')}</option>
            {chrome.sections.map((section) => (
              <option key={section.id} value={section.slug} selected={section.slug === model.section}>
                {section.name}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      <p>
        <label for="search-from">{t('search.from')}</label>
        <input id="search-from" name="from" type="date" value={model.from} />
      </p>
      <p>
        <label for="search-to">{t('search.to')}</label>
        <input id="search-to" name="to" type="date" value={model.to} />
      </p>
      <p>
        <button type="submit">{t('search.submit')}</button>
      </p>
    </form>
  );
}

function SearchResults({ results, i18n }: { results: readonly SearchResultItem[]; i18n: Translator }) {
  return (
    <ol class="story-list search-results">
      {results.map((result) => (
        <li key={result.id}>
          <article>
            <h2>
              <a href={storyPath(result)}>{result.headline}</a>
            </h2>
            {result.deck ? <p class="deck">{result.deck}</p> : null}
            {result.snippet.length ? (
              <p class="snippet">{result.snippet.map((part) => (part.marked ? <mark>{part.text}</mark> : part.text))}</p>
            ) : null}
            <p class="meta">
              <time dateTime={result.publishedAt.toISOString()}>{i18n.date(result.publishedAt)}</time>
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}

export function renderSearchPage(chrome: Chrome, model: SearchPageModel): string {
  return renderDocument(<SearchPage chrome={chrome} model={model} />);
}
