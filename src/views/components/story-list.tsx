import { storyPath } from '../../domain/story/story-path.js';
import type { Translator } from '../../i18n/i18n.js';
import type { Pagination, StoryListItem } from '../page-model.js';

export function StoryList({ stories, i18n }: { stories: readonly StoryListItem[]; i18n: Translator }) {
  if (stories.length === 0) return <p class="list-empty">{i18n.t('list.empty')}</p>;
  return (
    <ol class="story-list">
      {stories.map((story) => (
        <li key={story.id}>
          <article>
            <h2>
              <a href={storyPath(story)}>{story.headline}</a>
            </h2>
            {story.deck ? <p class="deck">{story.deck}</p> : null}
            <p class="meta">
              <time dateTime={story.publishedAt.toISOString()}>{i18n.date(story.publishedAt)}</time>
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}

export function Pager({ pagination, i18n }: { pagination: Pagination; i18n: Translator }) {
  const { page, hasNext, hrefFor } = pagination;
  if (page <= 1 && !hasNext) return null;
  return (
    <nav class="pager" aria-label={i18n.t('list.pagination')}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={hrefFor(page - 1)} rel="prev">
              {i18n.t('list.previous')}
            </a>
          </li>
        ) : null}
        <li aria-current="page">{i18n.t('list.page', { page })}</li>
        {hasNext ? (
          <li>
            <a href={hrefFor(page + 1)} rel="next">
              {i18n.t('list.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
