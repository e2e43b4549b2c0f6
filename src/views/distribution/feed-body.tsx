import type { Body, Inline, Mark } from '../../domain/body/body.js';
import { playableRenditions, posterOf, type MediaItem } from '../../domain/media/media.js';
import { profilePath, type Profile } from '../../domain/profile/profile.js';
import { formatDateline, type Dateline } from '../../domain/story/story.js';
import { renderFragment } from '../render.js';
import type { LiveEntry } from '../../domain/story/live-entry.js';
import type { Translator } from '../../i18n/i18n.js';
import { previewImage } from './story-meta.js';
import { BodyTable } from '../components/body-table.js';
import { embedLink, embedProviderName } from '../../domain/body/embed-url.js';

/**
 * A live story's entries after its body in a feed: a heading, then each entry with its time
 * (linked to the entry on the page), marked when pinned or a key event. Empty for other stories.
 */
export function renderLiveEntries(
  entries: readonly LiveEntry[],
  storyUrl: string,
  i18n: Pick<Translator, 't' | 'dateTime'>,
  context: FeedBodyContext,
): string {
  if (entries.length === 0) return '';
  return renderFragment(
    <section>
      <h2>{i18n.t('live.heading')}</h2>
      {entries.map((entry) => (
        <article key={entry.id}>
          <p>
            <a href={`${storyUrl}#entry-${entry.id}`}>
              <time dateTime={entry.createdAt.toISOString()}>{i18n.dateTime(entry.createdAt)}</time>
            </a>
            {entry.pinned ? ` · ${i18n.t('live.pinned')}` : null}
            {entry.keyEvent ? ` · ${i18n.t('live.keyEvent')}` : null}
          </p>
          <div dangerouslySetInnerHTML={{ __html: renderFeedBody(entry.body, null, context) }} />
        </article>
      ))}
    </section>,
  );
}

export interface FeedBodyContext {
  readonly siteUrl: URL;
  readonly mediaBase: string;
  readonly serviceCode: string;
  readonly media: ReadonlyMap<number, MediaItem>;
  readonly profiles: ReadonlyMap<number, Profile>;
}

/**
 * A story's body as the HTML a feed reader shows: plain elements, every address absolute
 * (readers do not all resolve relative links), media as a picture and a link to the file
 * (no player script runs in a feed reader). Escaped by Preact like every view.
 */
export function renderFeedBody(body: Body, dateline: Dateline | null, context: FeedBodyContext): string {
  const absolute = (path: string) => new URL(path, context.siteUrl).href;
  const firstParagraph = body.findIndex((element) => element.type === 'paragraph');
  const inlines = (content: readonly Inline[]) => content.map((inline, index) => <InlineRun key={index} inline={inline} context={context} absolute={absolute} />);
  return renderFragment(
    <>
      {body.map((element, index) => {
        switch (element.type) {
          case 'paragraph':
            return (
              <p key={index}>
                {index === firstParagraph && dateline ? `${formatDateline(dateline)} ` : null}
                {inlines(element.content)}
              </p>
            );
          case 'subheading':
            return <h2 key={index}>{element.text}</h2>;
          case 'quote':
            return (
              <blockquote key={index}>
                <p>{inlines(element.content)}</p>
                {element.attribution ? <p>— {element.attribution}</p> : null}
              </blockquote>
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
            const item = context.media.get(element.mediaId);
            if (!item || item.state !== 'ready') return null;
            const picture = previewImage(item);
            const file = playableRenditions(item)[0];
            const poster = posterOf(item) ?? picture;
            return (
              <figure key={index}>
                {poster ? <img src={absolute(`${context.mediaBase}${poster.path}`)} alt={item.altText ?? item.title} /> : null}
                <figcaption>
                  {file ? <a href={absolute(`${context.mediaBase}${file.path}`)}>{item.title}</a> : item.title}
                  {item.caption ? ` ${item.caption}` : null}
                  {item.credit ? ` (${item.credit})` : null}
                </figcaption>
              </figure>
            );
          }
          case 'profile': {
            const profile = context.profiles.get(element.profileId);
            if (!profile) return null;
            return (
              <p key={index}>
                <a href={absolute(profilePath(context.serviceCode, profile))}>{profile.name}</a>
                {profile.summary ? `: ${profile.summary}` : null}
              </p>
            );
          }
          case 'table':
            return <BodyTable key={index} table={element} inlines={inlines} />;
          case 'gallery':
            return (
              <div key={index}>
                {element.items.map((photo, i) => {
                  const item = context.media.get(photo.mediaId);
                  const picture = item && item.state === 'ready' ? previewImage(item) : undefined;
                  if (!item || !picture) return null;
                  const caption = photo.caption ?? item.caption;
                  return (
                    <figure key={i}>
                      <img src={absolute(`${context.mediaBase}${picture.path}`)} alt={item.altText ?? item.title} />
                      {caption || item.credit ? (
                        <figcaption>
                          {caption}
                          {item.credit ? ` (${item.credit})` : null}
                        </figcaption>
                      ) : null}
                    </figure>
                  );
                })}
              </div>
            );
          case 'embed': {
            // No frame in a feed: the post's own address, named by its site.
            const name = embedProviderName(element.provider, element.url);
            const link = embedLink(element.provider, element.url);
            return (
              <p key={index}>
                <a href={link}>{`${name}: ${link}`}</a>
                {element.caption ? ` ${element.caption}` : null}
              </p>
            );
          }
          default:
            return null;
        }
      })}
    </>,
  );
}

function InlineRun({ inline, context, absolute }: { inline: Inline; context: FeedBodyContext; absolute: (path: string) => string }) {
  switch (inline.type) {
    case 'text':
      return withMarks(inline.text, inline.marks);
    case 'link':
      return <a href={inline.href.startsWith('/') ? absolute(inline.href) : inline.href}>{withMarks(inline.text, inline.marks)}</a>;
    case 'profile': {
      const profile = context.profiles.get(inline.profileId);
      return profile ? <a href={absolute(profilePath(context.serviceCode, profile))}>{inline.text}</a> : <>{inline.text}</>;
    }
  }
}

function withMarks(text: string, marks: readonly Mark[] | undefined) {
  let node = <>{text}</>;
  if (marks?.includes('italic')) node = <em>{node}</em>;
  if (marks?.includes('bold')) node = <strong>{node}</strong>;
  return node;
}
