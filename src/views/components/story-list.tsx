import { storyPath } from '../../domain/story/story-path.js';
import type { MediaItem } from '../../domain/media/media.js';
import type { Translator } from '../../i18n/i18n.js';
import type { MastheadModel, Pagination, StoryListItem } from '../page-model.js';
import { CardImage } from './card-image.js';

/** A list of stories, newest first: headline, deck, time, and the story's picture where it has one. */
export function StoryList({ stories, masthead, media }: { stories: readonly StoryListItem[]; masthead: MastheadModel; media?: ReadonlyMap<number, MediaItem> | undefined }) {
  const { i18n } = masthead;
  if (stories.length === 0) return <p class="list-empty">{i18n.t('list.empty')}</p>;
  const picture = (story: StoryListItem) => (typeof story.leadMediaId === 'number' ? media?.get(story.leadMediaId) : undefined);
  return (
    <ol class="story-list">
      {stories.map((story, index) => {
        const image = picture(story);
        const card = image ? <CardImage item={image} masthead={masthead} sizes="(min-width: 40rem) 12rem, 100vw" eager={index === 0} /> : null;
        return (
          <li key={story.id}>
            <article>
              <div>
                <h2>
                  <a href={storyPath(story)}>{story.headline}</a>
                </h2>
                {story.deck ? <p class="deck">{story.deck}</p> : null}
                <p class="meta">
                  <time dateTime={story.publishedAt.toISOString()}>{i18n.dateTime(story.publishedAt)}</time>
                </p>
              </div>
              {card}
            </article>
          </li>
        );
      })}
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
