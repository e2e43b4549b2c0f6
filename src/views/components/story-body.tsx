import type { Body, Inline, Mark } from '../../domain/body/body.js';
import { formatDateline, type Dateline } from '../../domain/story/story.js';
import type { Translator } from '../../i18n/i18n.js';
import { profilePath } from '../../domain/profile/profile.js';
import { storyPath } from '../../domain/story/story-path.js';
import type { MediaItem } from '../../domain/media/media.js';
import type { Profile } from '../../domain/profile/profile.js';
import type { MastheadModel, StoryListItem } from '../page-model.js';
import { Player } from './player.js';
import { MediaImage } from './media-image.js';
import { BodyTable } from './body-table.js';
import { BodyEmbed } from './body-embed.js';

export interface StoryBodyProps {
  readonly body: Body;
  readonly dateline: Dateline | null;
  readonly masthead: MastheadModel;
  readonly media: ReadonlyMap<number, MediaItem>;
  readonly profiles: ReadonlyMap<number, Profile>;
  readonly related: ReadonlyMap<number, StoryListItem>;
}

/**
 * Renders the structured body. The dateline leads the first paragraph. Elements whose
 * target is gone (a deleted profile, an unpublished related story) render as their text
 * alone, or not at all, rather than as a broken link.
 */
export function StoryBody({ body, dateline, masthead, media, profiles, related }: StoryBodyProps) {
  const firstParagraph = body.findIndex((element) => element.type === 'paragraph');
  const serviceCode = masthead.service.code;
  const inlines = (content: readonly Inline[]) =>
    content.map((inline, index) => <InlineRun key={index} inline={inline} profiles={profiles} serviceCode={serviceCode} />);
  return (
    <div class="story-body">
      {body.map((element, index) => {
        switch (element.type) {
          case 'paragraph':
            return (
              <p key={index}>
                {index === firstParagraph && dateline ? (
                  <>
                    <span class="dateline">{localDateline(dateline, masthead.i18n)}</span>{' '}
                  </>
                ) : null}
                {inlines(element.content)}
              </p>
            );
          case 'subheading':
            return <h2 key={index}>{element.text}</h2>;
          case 'quote':
            return (
              <figure key={index} class="quote">
                <blockquote>
                  <p>{inlines(element.content)}</p>
                </blockquote>
                {element.attribution ? <figcaption>— {element.attribution}</figcaption> : null}
              </figure>
            );
          case 'list': {
            const List = element.ordered ? 'ol' : 'ul';
            return (
              <List key={index}>
                {element.items.map((item, i) => (
                  <li key={i}>{inlines(item)}</li>
                ))}
              </List>
            );
          }
          case 'media': {
            const item = media.get(element.mediaId);
            if (!item) return null;
            if (item.kind === 'image') return <MediaImage key={index} item={item} masthead={masthead} />;
            return <Player key={index} item={item} i18n={masthead.i18n} mediaBase={masthead.mediaBase} hlsScript={masthead.assets.hlsScript} />;
          }
          case 'profile': {
            const profile = profiles.get(element.profileId);
            if (!profile) return null;
            return (
              <aside key={index} class="profile-card" aria-label={profile.name}>
                <p class="profile-card-name">
                  <a href={profilePath(serviceCode, profile)}>
                    <bdi>{profile.name}</bdi>
                  </a>{' '}
                  <span class="profile-card-kind">{masthead.i18n.t(`profile.kind.${profile.kind}`)}</span>
                </p>
                {profile.summary ? <p>{profile.summary}</p> : null}
              </aside>
            );
          }
          case 'related': {
            const story = related.get(element.storyId);
            if (!story) return null;
            return (
              <aside key={index} class="related" aria-label={masthead.i18n.t('story.related')}>
                <p>
                  <span class="related-label">{masthead.i18n.t('story.related')}:</span>{' '}
                  <a href={storyPath(story)}>{story.headline}</a>
                </p>
              </aside>
            );
          }
          case 'table':
            return (
              <div key={index} class="table-scroll" role="region" tabIndex={0} aria-label={element.caption ?? masthead.i18n.t('story.table')}>
                <BodyTable table={element} inlines={inlines} />
              </div>
            );
          case 'embed':
            return <BodyEmbed key={index} embed={element} i18n={masthead.i18n} />;
          case 'gallery': {
            // Photos that are gone or not ready are left out; a gallery of none is not shown.
            const photos = element.items.flatMap((photo) => {
              const item = media.get(photo.mediaId);
              return item && item.kind === 'image' && item.state === 'ready' ? [{ item, caption: photo.caption }] : [];
            });
            if (!photos.length) return null;
            return (
              <section key={index} class="gallery" aria-label={masthead.i18n.t('story.gallery', { count: String(photos.length) })}>
                <ul class="gallery-items" tabIndex={0}>
                  {photos.map(({ item, caption }, i) => (
                    <li key={i}>
                      <MediaImage item={item} masthead={masthead} caption={caption} />
                    </li>
                  ))}
                </ul>
              </section>
            );
          }
          default:
            return null;
        }
      })}
    </div>
  );
}

function InlineRun({
  inline,
  profiles,
  serviceCode,
}: {
  inline: Inline;
  profiles: ReadonlyMap<number, Profile>;
  serviceCode: string;
}) {
  switch (inline.type) {
    case 'text':
      return withMarks(inline.text, inline.marks);
    case 'link':
      return <a href={inline.href}>{withMarks(inline.text, inline.marks)}</a>;
    case 'profile': {
      const profile = profiles.get(inline.profileId);
      if (!profile) return <>{inline.text}</>;
      return (
        <a class="profile-link" href={profilePath(serviceCode, profile)}>
          {inline.text}
        </a>
      );
    }
  }
}

function withMarks(text: string, marks: readonly Mark[] | undefined) {
  let node = <>{text}</>;
  if (marks?.includes('italic')) node = <em>{node}</em>;
  if (marks?.includes('bold')) node = <strong>{node}</strong>;
  return node;
}

/** The dateline in the service's own typography: Persian takes an en dash, not the Latin "--". */
function localDateline(dateline: Dateline, i18n: Translator): string {
  const dash = i18n.t('story.datelineDash');
  return dash === '--' ? formatDateline(dateline) : `${dateline.place} (${dateline.outlet}) ${dash}`;
}
