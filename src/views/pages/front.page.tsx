import { feedLinks } from '../distribution/feed-links.js';
import { storyPath } from '../../domain/story/story-path.js';
import { renderDocument } from '../render.js';
import { ReaderLayout } from '../layouts/reader.layout.js';
import { CardImage } from '../components/card-image.js';
import { Pager } from '../components/story-list.js';
import type { Chrome, FrontPageModel, FrontStory } from '../page-model.js';

const TOP_STORIES = 3;

/**
 * The first page of a service's home: the lead story large with its picture, the next stories as
 * cards with pictures, and the rest grouped under their sections in navigation order.
 */
export function FrontPage({ chrome, model }: { chrome: Chrome; model: FrontPageModel }) {
  const { i18n, service, sections } = chrome;
  const t = i18n.t;
  const [lead, ...rest] = model.stories;
  const top = rest.slice(0, TOP_STORIES);
  const later = rest.slice(TOP_STORIES);
  const groups = [...sections.map((section) => ({ key: `s${section.id}`, section, stories: later.filter((s) => s.sectionId === section.id) }))];
  const unfiled = later.filter((s) => !sections.some((section) => section.id === s.sectionId));
  const media = (story: FrontStory) => (story.leadMediaId === null ? undefined : model.media.get(story.leadMediaId));
  return (
    <ReaderLayout
      chrome={chrome}
      title={service.name}
      description={t('meta.default', { service: service.name })}
      currentPath={`/${service.code}/`}
      canonicalPath={`/${service.code}/`}
      feeds={feedLinks({ kind: 'service', serviceCode: service.code }, service.name)}
      meta={{ type: 'website', title: service.name, description: t('meta.default', { service: service.name }), image: null, jsonLd: [] }}
    >
      <h1 class="visually-hidden">{service.name}</h1>
      {lead ? (
        <div class="front">
          <section class="front-lead" aria-label={t('home.top')}>
            <article>
              <CardImage item={media(lead)} chrome={chrome} sizes="(min-width: 60rem) 44rem, 100vw" eager />
              <div>
                <h2>
                  <a href={storyPath(lead)}>{lead.headline}</a>
                </h2>
                {lead.deck ? <p class="deck">{lead.deck}</p> : null}
                <StoryTime story={lead} chrome={chrome} />
              </div>
            </article>
          </section>
          {top.length ? (
            <section class="front-top" aria-labelledby="front-top">
              <h2 id="front-top" class="section-heading">
                {t('home.latest')}
              </h2>
              <ul>
                {top.map((story) => (
                  <li key={story.id}>
                    <Card story={story} chrome={chrome} image={media(story)} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {model.mostRead.length ? (
            <section class="most-read" aria-labelledby="most-read">
              <h2 id="most-read" class="section-heading">
                {t('home.mostRead')}
              </h2>
              <ol>
                {model.mostRead.map((story) => (
                  <li key={story.id}>
                    <a href={storyPath(story)}>{story.headline}</a>
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
          <div class="front-sections">
            {groups.map(({ key, section, stories }) =>
              stories.length ? (
                <section key={key} class="front-section" aria-labelledby={`front-${key}`}>
                  <h2 id={`front-${key}`} class="section-heading">
                    <a href={`/${service.code}/s/${encodeURIComponent(section.slug)}`}>{section.name}</a>
                  </h2>
                  <ul>
                    {stories.map((story) => (
                      <li key={story.id}>
                        <Card story={story} chrome={chrome} />
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null,
            )}
            {unfiled.length ? (
              <section class="front-section" aria-labelledby="front-more">
                <h2 id="front-more" class="section-heading">
                  {t('list.latest')}
                </h2>
                <ul>
                  {unfiled.map((story) => (
                    <li key={story.id}>
                      <Card story={story} chrome={chrome} />
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </div>
        </div>
      ) : (
        <p class="list-empty">{t('list.empty')}</p>
      )}
      <Pager pagination={model.pagination} i18n={i18n} />
    </ReaderLayout>
  );
}

function Card({ story, chrome, image }: { story: FrontStory; chrome: Chrome; image?: Parameters<typeof CardImage>[0]['item'] }) {
  return (
    <article class="card">
      {image ? <CardImage item={image} chrome={chrome} sizes="(min-width: 60rem) 16rem, (min-width: 30rem) 50vw, 100vw" /> : null}
      <h3>
        <a href={storyPath(story)}>{story.headline}</a>
      </h3>
      {story.deck ? <p class="deck">{story.deck}</p> : null}
      <StoryTime story={story} chrome={chrome} />
    </article>
  );
}

function StoryTime({ story, chrome }: { story: FrontStory; chrome: Chrome }) {
  return (
    <p class="meta">
      <time dateTime={story.publishedAt.toISOString()}>{chrome.i18n.dateTime(story.publishedAt)}</time>
    </p>
  );
}

export function renderFrontPage(chrome: Chrome, model: FrontPageModel): string {
  return renderDocument(<FrontPage chrome={chrome} model={model} />);
}
