import { storyPath } from '../../domain/story/story-path.js';
import type { Translator } from '../../i18n/i18n.js';
import type { StoryListItem } from '../page-model.js';

/** Where a story page sends the reader next: a headed list of other stories, each with its date. */
export function StoryLinks({ id, heading, href, stories, i18n }: { id: string; heading: string; href?: string; stories: readonly StoryListItem[]; i18n: Translator }) {
  if (stories.length === 0) return null;
  return (
    <section class="story-links" aria-labelledby={id}>
      <h2 id={id} class="section-heading">
        {href ? <a href={href}>{heading}</a> : heading}
      </h2>
      <ul>
        {stories.map((other) => (
          <li key={other.id}>
            <a href={storyPath(other)}>{other.headline}</a>{' '}
            <time dateTime={other.publishedAt.toISOString()}>{i18n.date(other.publishedAt)}</time>
          </li>
        ))}
      </ul>
    </section>
  );
}
