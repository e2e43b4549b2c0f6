import { embedPath } from '../../domain/distribution/embed-paths.js';
import type { ServiceSitemap, SitemapIndexEntry } from '../../domain/distribution/sitemap.js';
import { playableRenditions, posterOf } from '../../domain/media/media.js';
import { storyPath } from '../../domain/story/story-path.js';
import { el, renderXml, textEl } from './xml.js';

const NS = {
  sitemap: 'http://www.sitemaps.org/schemas/sitemap/0.9',
  news: 'http://www.google.com/schemas/sitemap-news/0.9',
  video: 'http://www.google.com/schemas/sitemap-video/1.1',
  xhtml: 'http://www.w3.org/1999/xhtml',
} as const;

export interface SitemapSite {
  readonly siteUrl: URL;
  readonly mediaBase: string;
}

export function renderSitemapIndex(entries: readonly SitemapIndexEntry[], site: SitemapSite): string {
  return renderXml(
    el(
      'sitemapindex',
      { xmlns: NS.sitemap },
      ...entries.map((entry) =>
        el('sitemap', undefined, textEl('loc', new URL(entry.path, site.siteUrl).href), textEl('lastmod', entry.lastModified?.toISOString())),
      ),
    ),
  );
}

/** A service's sitemap: its pages and stories, lead videos with the video: extension, translations as hreflang alternates. */
export function renderServiceSitemap(sitemap: ServiceSitemap, site: SitemapSite): string {
  const absolute = (path: string) => new URL(path, site.siteUrl).href;
  const media = (path: string) => absolute(`${site.mediaBase}${path}`);
  const home = `/${sitemap.service.code}/`;
  return renderXml(
    el(
      'urlset',
      { xmlns: NS.sitemap, 'xmlns:video': NS.video, 'xmlns:xhtml': NS.xhtml },
      ...(sitemap.sections
        ? [
            el('url', undefined, textEl('loc', absolute(home)), textEl('lastmod', sitemap.lastModified?.toISOString())),
            ...sitemap.sections.map((section) => el('url', undefined, textEl('loc', absolute(`${home}s/${encodeURIComponent(section.slug)}`)))),
          ]
        : []),
      ...sitemap.entries.map(({ story, video, translations }) => {
        const poster = video ? posterOf(video) : undefined;
        const file = video ? playableRenditions(video)[0] : undefined;
        return el(
          'url',
          undefined,
          textEl('loc', absolute(storyPath(story))),
          textEl('lastmod', story.lastModified.toISOString()),
          ...(translations.length
            ? [
                el('xhtml:link', { rel: 'alternate', hreflang: sitemap.service.locale, href: absolute(storyPath(story)) }),
                ...translations.map((t) => el('xhtml:link', { rel: 'alternate', hreflang: t.locale, href: absolute(t.path) })),
              ]
            : []),
          video && poster
            ? el(
                'video:video',
                undefined,
                textEl('video:thumbnail_loc', media(poster.path)),
                textEl('video:title', video.title),
                textEl('video:description', story.leadMediaCaption ?? video.caption ?? story.deck ?? video.title),
                file ? textEl('video:content_loc', media(file.path)) : null,
                textEl('video:player_loc', absolute(embedPath(video.id))),
                video.durationMs !== null ? textEl('video:duration', Math.max(1, Math.round(video.durationMs / 1000))) : null,
                textEl('video:publication_date', story.publishedAt.toISOString()),
              )
            : null,
        );
      }),
    ),
  );
}

/** A Google News sitemap: the last 48 hours, with the publication's name and language. */
export function renderNewsSitemap(sitemap: ServiceSitemap, site: SitemapSite): string {
  const language = new Intl.Locale(sitemap.service.locale).language;
  return renderXml(
    el(
      'urlset',
      { xmlns: NS.sitemap, 'xmlns:news': NS.news },
      ...sitemap.entries.map(({ story }) =>
        el(
          'url',
          undefined,
          textEl('loc', new URL(storyPath(story), site.siteUrl).href),
          el(
            'news:news',
            undefined,
            el('news:publication', undefined, textEl('news:name', sitemap.service.name), textEl('news:language', language)),
            textEl('news:publication_date', story.publishedAt.toISOString()),
            textEl('news:title', story.headline),
          ),
        ),
      ),
    ),
  );
}

/** robots.txt: everything readers see may be crawled; the newsroom and APIs may not; the sitemaps are named. */
export function renderRobots(site: SitemapSite): string {
  return [
    'User-agent: *',
    'Disallow: /newsroom',
    'Disallow: /api/',
    'Allow: /',
    '',
    `Sitemap: ${new URL('/sitemap.xml', site.siteUrl).href}`,
    '',
  ].join('\n');
}
