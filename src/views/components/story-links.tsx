import type { MediaItem } from '../../domain/media/media.js';
import { storyPath } from '../../domain/story/story-path.js';
import type { MastheadModel, StoryListItem } from '../page-model.js';
import { CardImage } from './card-image.js';

/** Where a story page sends the reader next: a headed list of other stories, each with its picture (where it has one) and date. */
export function StoryLinks({
  id,
  heading,
  href,
  stories,
  masthead,
  media,
}: {
  id: string;
  heading: string;
  href?: string;
  stories: readonly StoryListItem[];
  masthead: MastheadModel;
  media?: ReadonlyMap<number, MediaItem> | undefined;
}) {
  if (stories.length === 0) return null;
  const { i18n } = masthead;
  return (
    <section class="story-links" aria-labelledby={id}>
      <h2 id={id} class="section-heading">
        {href ? <a href={href}>{heading}</a> : heading}
      </h2>
      <ul>
        {stories.map((other) => (
          <li key={other.id}>
            {typeof other.leadMediaId === 'number' ? (
              <CardImage item={media?.get(other.leadMediaId)} masthead={masthead} sizes="(min-width: 40rem) 16rem, 100vw" />
            ) : null}
            <a href={storyPath(other)}>{other.headline}</a>{' '}
            <time dateTime={other.publishedAt.toISOString()}>{i18n.date(other.publishedAt)}</time>
          </li>
        ))}
      </ul>
    </section>
  );
}
