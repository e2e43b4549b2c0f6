/** The three formats every list of stories is offered in. */
export type FeedFormat = 'rss' | 'atom' | 'json';
export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

export const FEED_FILE: Readonly<Record<FeedFormat, string>> = { rss: 'feed.rss', atom: 'feed.atom', json: 'feed.json' };

export const FEED_CONTENT_TYPE: Readonly<Record<FeedFormat, 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json'>> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

/** What a feed lists: a service's latest stories, or those of one section, topic or profile. */
export type FeedScope =
  | { readonly kind: 'service'; readonly serviceCode: string }
  | { readonly kind: 'section'; readonly serviceCode: string; readonly sectionSlug: string }
  | { readonly kind: 'tag'; readonly serviceCode: string; readonly tagSlug: string }
  | { readonly kind: 'profile'; readonly serviceCode: string; readonly profileSlug: string; readonly profileId: number };

/** The page a feed belongs to: `/en/`, `/en/s/asia`, `/en/t/kyrgyzstan`, `/en/p/roza-otunbaeva/3`. */
export function scopePath(scope: FeedScope): string {
  switch (scope.kind) {
    case 'service':
      return `/${scope.serviceCode}/`;
    case 'section':
      return `/${scope.serviceCode}/s/${encodeURIComponent(scope.sectionSlug)}`;
    case 'tag':
      return `/${scope.serviceCode}/t/${encodeURIComponent(scope.tagSlug)}`;
    case 'profile':
      return `/${scope.serviceCode}/p/${encodeURIComponent(scope.profileSlug)}/${scope.profileId}`;
  }
}

/** A feed's address: next to its page (`/en/feed.rss`, `/en/s/asia/feed.atom`). */
export function feedPath(scope: FeedScope, format: FeedFormat): string {
  const page = scopePath(scope);
  return `${page.endsWith('/') ? page : `${page}/`}${FEED_FILE[format]}`;
}
