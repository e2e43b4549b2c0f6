/** What a reader page tells search engines, feed readers and social previews in its head. */
export interface PageMeta {
  /** Open Graph type: "article" for stories, "profile" for profiles, "website" for lists. */
  readonly type: 'article' | 'profile' | 'website';
  readonly title: string;
  readonly description: string | null;
  /** Absolute URL of a picture for previews (poster or lead image). */
  readonly image: { readonly url: string; readonly width: number | null; readonly height: number | null; readonly alt: string | null } | null;
  /** article:published_time and friends, for stories. */
  readonly article?: {
    readonly publishedTime: string | null;
    readonly modifiedTime: string | null;
    readonly section: string | null;
    readonly tags: readonly string[];
  };
  /** The player page for a story with lead video, for og:video and twitter:player. */
  readonly player?: { readonly url: string; readonly width: number; readonly height: number } | null;
  /** The oEmbed address of the page (discovery for partners' CMSs). */
  readonly oembed?: string | null;
  /** The page in other languages (hreflang alternates, the page itself and `x-default` included): absolute addresses. */
  readonly alternates?: readonly { readonly hreflang: string; readonly href: string }[];
  /** JSON-LD documents (NewsArticle, VideoObject, BreadcrumbList, Person...). */
  readonly jsonLd: readonly unknown[];
}

/** A feed of the page's list, named in its head with `<link rel="alternate">`. */
export interface FeedLink {
  readonly title: string;
  readonly href: string;
  readonly type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json';
}
