import { renderDocument } from '../render.js';
import { commentsPath } from '../../domain/story/story-path.js';
import { leadMediaText } from '../../domain/story/lead-media-text.js';
import { ReaderLayout } from '../layouts/reader.layout.js';
import { Player } from '../components/player.js';
import { MediaImage } from '../components/media-image.js';
import { StoryBody } from '../components/story-body.js';
import { ShareLinks } from '../components/share-links.js';
import { StoryLinks } from '../components/story-links.js';
import { LiveEntries } from '../components/live-entries.js';
import { storyPath } from '../../domain/story/story-path.js';
import type { MastheadModel, StoryPageModel } from '../page-model.js';
import { NAME_SLOT, WithNames } from '../components/isolate.js';
import { feedLinks } from '../distribution/feed-links.js';
import { storyMeta } from '../distribution/story-meta.js';
import { LanguageSwitcher } from '../components/language-switcher.js';

export function StoryPage({ masthead, model }: { masthead: MastheadModel; model: StoryPageModel }) {
  const { story, section, tags, media, commentCount } = model;
  const { i18n, service } = masthead;
  const t = i18n.t;
  const leadItem = story.leadMediaId !== null ? media.get(story.leadMediaId) : undefined;
  // The lead media shows the story's own caption and credit where it gave them, else the item's.
  const lead = leadItem ? { ...leadItem, ...leadMediaText(story, leadItem) } : undefined;
  const hasPlayer = [...media.values()].some((item) => item.kind !== 'image');
  return (
    <ReaderLayout
      masthead={masthead}
      title={story.headline}
      description={story.deck}
      canonicalUrl={model.canonicalUrl}
      meta={storyMeta(masthead, model)}
      feeds={feedLinks({ kind: 'service', serviceCode: service.code }, service.name)}
      withPlayer={hasPlayer}
      currentSection={section?.slug}
      withTime
      withShare
      withEmbeds={story.body.some((element) => element.type === 'embed')}
    >
      <article class="story" aria-labelledby="story-headline">
        <header class="story-header">
          {section ? (
            <p class="kicker">
              <a href={`/${service.code}/s/${encodeURIComponent(section.slug)}`}>{section.name}</a>
            </p>
          ) : null}
          <h1 id="story-headline">{story.headline}</h1>
          {story.deck ? <p class="deck">{story.deck}</p> : null}
          <div class="story-meta">
            {story.bylines.length ? (
              <p class="byline">
                <WithNames text={t('story.by', { names: NAME_SLOT })} names={story.bylines} />
              </p>
            ) : null}
            {story.publishedAt ? (
              <p class="story-time">
                <span>
                  {t('story.publishedOn')} <time dateTime={story.publishedAt.toISOString()} data-relative>{i18n.dateTime(story.publishedAt)}</time>
                </span>
                {story.updatedAt ? (
                  <span>
                    {t('story.updatedOn')} <time dateTime={story.updatedAt.toISOString()} data-relative>{i18n.dateTime(story.updatedAt)}</time>
                  </span>
                ) : null}
              </p>
            ) : null}
          </div>
          <LanguageSwitcher i18n={i18n} storyId={story.id} versions={model.translations ?? []} />
        </header>
        {lead && lead.kind === 'image' ? <MediaImage item={lead} masthead={masthead} /> : null}
        {lead && lead.kind !== 'image' ? <Player item={lead} i18n={i18n} mediaBase={masthead.mediaBase} hlsScript={masthead.assets.hlsScript} lead /> : null}
        <StoryBody
          body={story.body}
          dateline={story.dateline}
          masthead={masthead}
          media={media}
          profiles={model.profiles}
          related={model.related}
        />
        {model.live ? (
          <LiveEntries
            live={model.live}
            storyId={story.id}
            masthead={masthead}
            media={media}
            profiles={model.profiles}
            related={model.related}
            hrefFor={(page) => (page > 1 ? `${storyPath(story)}?page=${page}` : storyPath(story))}
          />
        ) : null}
        {story.credits.length ? <p class="credits">{t('story.credits', { names: story.credits.join(', ') })}</p> : null}
        {story.notes.length ? (
          <aside class="story-notes" aria-label={t('story.updatedOn')}>
            <ul>
              {story.notes.map((note, index) => (
                <li key={index} class={`note note-${note.kind}`}>
                  <strong>{t(note.kind === 'correction' ? 'story.correction' : 'story.update')}</strong>{' '}
                  <time dateTime={note.at.toISOString()}>{i18n.dateTime(note.at)}</time>: {note.text}
                </li>
              ))}
            </ul>
          </aside>
        ) : null}
        {tags.length ? (
          <nav class="story-tags" aria-labelledby="story-topics">
            <h2 id="story-topics">{t('story.tags')}</h2>
            <ul>
              {tags.map((tag) => (
                <li key={tag.id}>
                  <a href={`/${service.code}/t/${encodeURIComponent(tag.slug)}`}>{tag.name}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <ShareLinks url={model.canonicalUrl} title={story.headline} t={t} />
        <StoryLinks id="related-stories" heading={t('story.relatedStories')} stories={model.relatedStories ?? []} masthead={masthead} media={model.linkMedia} />
        {section ? (
          <StoryLinks
            id="more-from"
            heading={t('story.moreFrom', { section: section.name })}
            href={`/${service.code}/s/${encodeURIComponent(section.slug)}`}
            stories={model.moreFromSection ?? []}
            masthead={masthead}
            media={model.linkMedia}
          />
        ) : null}
        <footer class="story-comments" id="comments">
          <p>
            <a href={commentsPath(story)}>{t('comments.see', { count: commentCount })}</a>
          </p>
          {model.forumClosed ? <p class="forum-closed">{t('comments.closed')}</p> : null}
        </footer>
        {/* Counts one read for "most read": no script, no cookie, nothing about the reader. */}
        <img class="read-beacon" src={`/${service.code}/read/${story.id}`} width={1} height={1} alt="" />
      </article>
    </ReaderLayout>
  );
}

export function renderStoryPage(masthead: MastheadModel, model: StoryPageModel): string {
  return renderDocument(<StoryPage masthead={masthead} model={model} />);
}
