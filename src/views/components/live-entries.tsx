import type { Body } from '../../domain/body/body.js';
import type { MediaItem } from '../../domain/media/media.js';
import type { Profile } from '../../domain/profile/profile.js';
import type { MastheadModel, LiveCoverageModel, StoryListItem } from '../page-model.js';
import { Pager } from './story-list.js';
import { StoryBody } from './story-body.js';

/** The first words of an entry, for the key events list. */
function summary(body: Body): string {
  let text = '';
  for (const element of body) {
    if (element.type === 'subheading') text = element.text;
    else if (element.type === 'paragraph') text = element.content.map((inline) => inline.text).join('');
    if (text) break;
  }
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

/**
 * A live story's entries, pinned first then newest first, one page at a time, with its key
 * events linked above them. The live island replaces this section when an entry changes.
 */
export function LiveEntries(props: {
  live: LiveCoverageModel;
  masthead: MastheadModel;
  media: ReadonlyMap<number, MediaItem>;
  profiles: ReadonlyMap<number, Profile>;
  related: ReadonlyMap<number, StoryListItem>;
  storyId: number;
  hrefFor: (page: number) => string;
}) {
  const { live, masthead } = props;
  const { i18n } = masthead;
  const t = i18n.t;
  return (
    <section class="live-coverage" id="live" aria-labelledby="live-heading" data-story-id={props.storyId} data-page={live.page}>
      <h2 id="live-heading">{t('live.heading')}</h2>
      {live.keyEvents.length ? (
        <nav class="key-events" aria-labelledby="key-events-heading">
          <h3 id="key-events-heading">{t('live.keyEvents')}</h3>
          <ul>
            {live.keyEvents.map((entry) => (
              <li key={entry.id}>
                <time dateTime={entry.createdAt.toISOString()}>{i18n.dateTime(entry.createdAt)}</time>{' '}
                <a href={`${props.hrefFor(1)}#entry-${entry.id}`}>{summary(entry.body)}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <ol class="live-entries">
        {live.entries.map((entry) => (
          <li key={entry.id} id={`entry-${entry.id}`} class={entry.pinned ? 'live-entry pinned' : 'live-entry'} data-entry-id={entry.id} data-version={entry.version}>
            <p class="entry-meta">
              <time dateTime={entry.createdAt.toISOString()}>{i18n.dateTime(entry.createdAt)}</time>
              {entry.pinned ? <strong class="entry-flag"> {t('live.pinned')}</strong> : null}
              {entry.keyEvent ? <strong class="entry-flag"> {t('live.keyEvent')}</strong> : null}
            </p>
            <StoryBody body={entry.body} dateline={null} masthead={masthead} media={props.media} profiles={props.profiles} related={props.related} />
          </li>
        ))}
      </ol>
      <Pager pagination={{ page: live.page, hasNext: live.hasNext, hrefFor: props.hrefFor }} i18n={i18n} />
    </section>
  );
}
