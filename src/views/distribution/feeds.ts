import type { DistributedStory, FeedData } from '../../domain/distribution/distributed-story.js';
import { FEED_CONTENT_TYPE, feedPath, scopePath, type FeedFormat } from '../../domain/distribution/feed-paths.js';
import { playableRenditions, posterOf, type MediaItem, type Rendition } from '../../domain/media/media.js';
import { leadMediaText } from '../../domain/story/lead-media-text.js';
import { storyPath } from '../../domain/story/story-path.js';
import { translatorFor } from '../../i18n/i18n.js';
import { renderFeedBody, renderLiveEntries } from './feed-body.js';
import { previewImage } from './story-meta.js';
import { el, renderXml, textEl, type XmlChild } from './xml.js';

/** Where the site is, for the absolute addresses every feed needs. */
export interface FeedSite {
  readonly siteUrl: URL;
  readonly mediaBase: string;
  /** The publisher's logo (a path). */
  readonly logo: string;
}

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
} as const;

/** A feed of stories in RSS 2.0, Atom 1.0 or JSON Feed 1.1. */
export function renderFeed(data: FeedData, format: FeedFormat, site: FeedSite): string {
  const view = feedView(data, site);
  if (format === 'rss') return renderRss(data, view);
  if (format === 'atom') return renderAtom(data, view);
  return renderJsonFeed(data, view);
}

export function feedContentType(format: FeedFormat): string {
  return `${FEED_CONTENT_TYPE[format]}; charset=utf-8`;
}

interface FeedView {
  readonly title: string;
  readonly description: string;
  readonly home: string;
  readonly self: (format: FeedFormat) => string;
  readonly logo: string;
  readonly absolute: (path: string) => string;
  readonly mediaUrl: (rendition: Rendition) => string;
  readonly podcast: boolean;
  readonly items: readonly ItemView[];
}

interface ItemView {
  readonly entry: DistributedStory;
  readonly url: string;
  readonly published: Date;
  readonly updated: Date;
  readonly html: string;
  readonly categories: readonly string[];
  readonly enclosure: { readonly url: string; readonly type: string; readonly length: number; readonly durationSeconds: number | null } | null;
  readonly image: string | null;
  readonly authors: readonly { readonly name: string }[];
}

function feedView(data: FeedData, site: FeedSite): FeedView {
  const { service } = data;
  const i18n = translatorFor(service.locale);
  const absolute = (path: string) => new URL(path, site.siteUrl).href;
  const mediaUrl = (rendition: Rendition) => absolute(`${site.mediaBase}${rendition.path}`);
  const subject = data.section?.name ?? (data.tag ? i18n.t('tag.heading', { name: data.tag.name }) : null) ?? data.profile?.name ?? null;
  const podcast = data.section?.podcast === true;
  return {
    title: subject ? `${service.name}: ${subject}` : service.name,
    description: data.profile?.summary ?? `${service.name}: ${subject ?? i18n.t('list.latest')}`,
    home: absolute(scopePath(data.scope)),
    self: (format) => absolute(feedPath(data.scope, format)),
    logo: absolute(site.logo),
    absolute,
    mediaUrl,
    podcast,
    items: data.stories.map((entry) => {
      const { story } = entry;
      const lead = story.leadMediaId !== null ? entry.media.get(story.leadMediaId) : undefined;
      const context = { siteUrl: site.siteUrl, mediaBase: site.mediaBase, serviceCode: service.code, media: entry.media, profiles: entry.profiles };
      const body = renderFeedBody(story.body, story.dateline, context);
      const picture = lead ? previewImage(lead) : undefined;
      const file = lead ? enclosureOf(lead) : undefined;
      const published = story.publishedAt ?? story.createdAt;
      const url = absolute(storyPath(story));
      const changed = Math.max(story.updatedAt?.getTime() ?? 0, published.getTime(), ...entry.liveEntries.map((live) => live.modifiedAt.getTime()));
      return {
        entry,
        url,
        published,
        updated: new Date(changed),
        html: `<div lang="${service.locale}" dir="${service.direction}">${body}${renderLiveEntries(entry.liveEntries, url, i18n, context)}</div>`,
        categories: [...(entry.section ? [entry.section.name] : []), ...entry.tags.map((tag) => tag.name)],
        enclosure:
          lead && file
            ? { url: mediaUrl(file), type: file.mimeType, length: file.sizeBytes, durationSeconds: lead.durationMs === null ? null : Math.round(lead.durationMs / 1000) }
            : null,
        image: picture ? mediaUrl(picture) : null,
        authors: story.bylines.map((name) => ({ name })),
      };
    }),
  };
}

/** The file a feed offers to download: the biggest MP4 of a video, the MP3 (else the first) of an audio item. */
function enclosureOf(item: MediaItem): Rendition | undefined {
  const files = playableRenditions(item);
  if (item.kind === 'video') return files.filter((r) => r.kind === 'mp4').sort((a, b) => (b.height ?? 0) - (a.height ?? 0))[0];
  if (item.kind === 'audio') return files.find((r) => r.mimeType === 'audio/mpeg') ?? files[0];
  return undefined;
}

function mediaRss(item: MediaItem, view: FeedView): XmlChild[] {
  if (item.state !== 'ready') return [];
  const file = item.kind === 'image' ? previewImage(item) : enclosureOf(item);
  if (!file) return [];
  const thumb = item.kind === 'image' ? undefined : (posterOf(item) ?? undefined);
  return [
    el(
      'media:content',
      {
        url: view.mediaUrl(file),
        type: file.mimeType,
        medium: item.kind,
        fileSize: file.sizeBytes,
        duration: item.durationMs === null ? null : Math.round(item.durationMs / 1000),
        width: file.width,
        height: file.height,
      },
      textEl('media:title', item.title),
      textEl('media:description', item.caption),
      thumb ? el('media:thumbnail', { url: view.mediaUrl(thumb), width: thumb.width, height: thumb.height }) : null,
      textEl('media:credit', item.credit, { role: 'author', scheme: 'urn:ebu' }),
    ),
  ];
}

function renderRss(data: FeedData, view: FeedView): string {
  const { service } = data;
  const channel = el(
    'channel',
    undefined,
    textEl('title', view.title),
    textEl('link', view.home),
    textEl('description', view.description),
    textEl('language', service.locale),
    data.updated ? textEl('lastBuildDate', data.updated.toUTCString()) : null,
    el('atom:link', { href: view.self('rss'), rel: 'self', type: 'application/rss+xml' }),
    el('image', undefined, textEl('url', view.logo), textEl('title', view.title), textEl('link', view.home)),
    ...(view.podcast
      ? [
          textEl('itunes:author', service.outlet),
          el('itunes:image', { href: view.logo }),
          el('itunes:category', { text: 'News' }),
          textEl('itunes:explicit', 'false'),
          textEl('itunes:type', 'episodic'),
          textEl('itunes:summary', view.description),
        ]
      : []),
    ...view.items.map((item) => {
      const { story } = item.entry;
      return el(
        'item',
        undefined,
        textEl('title', story.headline),
        textEl('link', item.url),
        textEl('guid', item.url, { isPermaLink: 'true' }),
        textEl('pubDate', item.published.toUTCString()),
        item.updated > item.published ? textEl('atom:updated', item.updated.toISOString()) : null,
        textEl('description', story.deck),
        textEl('content:encoded', item.html),
        ...item.authors.map((author) => textEl('dc:creator', author.name)),
        ...item.categories.map((name) => textEl('category', name)),
        item.enclosure ? el('enclosure', { url: item.enclosure.url, length: item.enclosure.length, type: item.enclosure.type }) : null,
        // The lead media carries the story's own caption and credit where it gave them.
        ...[...item.entry.media.values()].flatMap((media) =>
          mediaRss(media.id === story.leadMediaId ? { ...media, ...leadMediaText(story, media) } : media, view),
        ),
        ...(view.podcast
          ? [
              textEl('itunes:title', story.headline),
              textEl('itunes:summary', story.deck),
              item.enclosure?.durationSeconds ? textEl('itunes:duration', item.enclosure.durationSeconds) : null,
              item.image ? el('itunes:image', { href: item.image }) : null,
              textEl('itunes:explicit', 'false'),
              textEl('itunes:episodeType', 'full'),
            ]
          : []),
      );
    }),
  );
  return renderXml(
    el(
      'rss',
      {
        version: '2.0',
        'xmlns:atom': NS.atom,
        'xmlns:content': NS.content,
        'xmlns:dc': NS.dc,
        'xmlns:media': NS.media,
        ...(view.podcast ? { 'xmlns:itunes': NS.itunes } : {}),
      },
      channel,
    ),
  );
}

function renderAtom(data: FeedData, view: FeedView): string {
  const { service } = data;
  return renderXml(
    el(
      'feed',
      { xmlns: NS.atom, 'xml:lang': service.locale },
      textEl('id', view.self('atom')),
      textEl('title', view.title),
      textEl('subtitle', view.description),
      textEl('updated', (data.updated ?? new Date(0)).toISOString()),
      el('link', { rel: 'self', type: 'application/atom+xml', href: view.self('atom') }),
      el('link', { rel: 'alternate', type: 'text/html', href: view.home }),
      el('author', undefined, textEl('name', service.outlet), textEl('uri', view.absolute(`/${service.code}/`))),
      textEl('logo', view.logo),
      ...view.items.map((item) => {
        const { story } = item.entry;
        return el(
          'entry',
          undefined,
          textEl('id', item.url),
          textEl('title', story.headline),
          el('link', { rel: 'alternate', type: 'text/html', href: item.url }),
          textEl('published', item.published.toISOString()),
          textEl('updated', item.updated.toISOString()),
          textEl('summary', story.deck),
          textEl('content', item.html, { type: 'html' }),
          ...item.authors.map((author) => el('author', undefined, textEl('name', author.name))),
          ...item.categories.map((name) => el('category', { term: name })),
          item.enclosure ? el('link', { rel: 'enclosure', href: item.enclosure.url, type: item.enclosure.type, length: item.enclosure.length }) : null,
        );
      }),
    ),
  );
}

function renderJsonFeed(data: FeedData, view: FeedView): string {
  const { service } = data;
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: view.title,
    home_page_url: view.home,
    feed_url: view.self('json'),
    description: view.description,
    icon: view.logo,
    language: service.locale,
    authors: [{ name: service.outlet, url: view.absolute(`/${service.code}/`) }],
    items: view.items.map((item) => {
      const { story } = item.entry;
      return {
        id: item.url,
        url: item.url,
        title: story.headline,
        content_html: item.html,
        ...(story.deck ? { summary: story.deck } : {}),
        ...(item.image ? { image: item.image } : {}),
        date_published: item.published.toISOString(),
        date_modified: item.updated.toISOString(),
        ...(item.authors.length ? { authors: item.authors } : {}),
        ...(item.categories.length ? { tags: item.categories } : {}),
        language: service.locale,
        ...(item.enclosure
          ? {
              attachments: [
                {
                  url: item.enclosure.url,
                  mime_type: item.enclosure.type,
                  size_in_bytes: item.enclosure.length,
                  ...(item.enclosure.durationSeconds !== null ? { duration_in_seconds: item.enclosure.durationSeconds } : {}),
                },
              ],
            }
          : {}),
      };
    }),
  };
  return JSON.stringify(feed);
}

