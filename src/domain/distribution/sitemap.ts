import type { MediaItem } from '../media/media.js';
import type { LanguageService, Section } from '../service/service.js';

/** The sitemap protocol's limit of addresses per file. */
export const SITEMAP_MAX_URLS = 50_000;
/** News sitemaps list what was published in the last two days. */
export const NEWS_WINDOW_MS = 48 * 60 * 60_000;
/** ...and at most this many (Google News' limit). */
export const NEWS_MAX_URLS = 1_000;

/** What a sitemap says of a story. */
export interface SitemapStory {
  readonly id: number;
  readonly serviceCode: string;
  readonly slug: string;
  readonly headline: string;
  readonly deck: string | null;
  readonly leadMediaId: number | null;
  /** The story's own caption for its lead media (null: the item's). */
  readonly leadMediaCaption: string | null;
  readonly publishedAt: Date;
  /** The latest of its publication, last save and update note. */
  readonly lastModified: Date;
}

/** A translation of a story in another service, for hreflang alternates. */
export interface Translation {
  /** The hreflang: the other service's locale, or `x-default`. */
  readonly locale: string;
  readonly path: string;
}

export interface SitemapEntry {
  readonly story: SitemapStory;
  /** Lead video, for the video: extension. */
  readonly video: MediaItem | null;
  /** Its published versions in other services, and `x-default` (the group's first story); [] when it has none. */
  readonly translations: readonly Translation[];
}

export interface ServiceSitemap {
  readonly service: LanguageService;
  /** On the first file only: the service's home and sections. */
  readonly sections: readonly Section[] | null;
  readonly lastModified: Date | null;
  readonly entries: readonly SitemapEntry[];
}

export interface SitemapIndexEntry {
  readonly path: string;
  readonly lastModified: Date | null;
}

export function serviceSitemapPath(serviceCode: string, page: number): string {
  return `/${serviceCode}/sitemap-${page}.xml`;
}

export function newsSitemapPath(serviceCode: string): string {
  return `/${serviceCode}/sitemap-news.xml`;
}
