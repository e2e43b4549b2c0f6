import { FEED_CONTENT_TYPE, FEED_FORMATS, feedPath, type FeedScope } from '../../domain/distribution/feed-paths.js';
import type { FeedLink } from './page-meta.js';

const FORMAT_NAMES = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' } as const;

/** The `<link rel="alternate">` entries of a list's feeds, in the three formats. */
export function feedLinks(scope: FeedScope, title: string): FeedLink[] {
  return FEED_FORMATS.map((format) => ({
    title: `${title} (${FORMAT_NAMES[format]})`,
    href: feedPath(scope, format),
    type: FEED_CONTENT_TYPE[format],
  }));
}
