import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';

/** Checks a document with a strict XML parser (well-formed, namespaces bound) and returns its tree. */
export function strictXml(text: string): Record<string, unknown> {
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false, isArray: (name) => ['item', 'entry', 'url', 'sitemap', 'category', 'media:content', 'dc:creator', 'author', 'xhtml:link', 'video:video'].includes(name) });
  const tree = parser.parse(text) as Record<string, unknown>;
  for (const [uri, prefix] of Array.from(text.matchAll(/<([a-z]+):[a-zA-Z]/g))) {
    expect(text, `namespace prefix ${prefix ?? ''} (${uri}) is declared`).toContain(`xmlns:${prefix}=`);
  }
  return tree;
}

/** Parses an RSS or Atom feed with a feed reader's parser (independent of the strict one). */
export function readFeed(text: string) {
  return parseFeed(text);
}

export interface JsonFeed {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  language: string;
  items: {
    id: string;
    url: string;
    title: string;
    content_html: string;
    summary?: string;
    date_published: string;
    date_modified: string;
    authors?: { name: string }[];
    tags?: string[];
    attachments?: { url: string; mime_type: string; size_in_bytes: number; duration_in_seconds?: number }[];
  }[];
}

/** A JSON Feed 1.1, checked for the fields every reader needs. */
export function readJsonFeed(text: string): JsonFeed {
  const feed = JSON.parse(text) as JsonFeed;
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
  expect(typeof feed.title).toBe('string');
  for (const item of feed.items) {
    expect(typeof item.id).toBe('string');
    expect(typeof item.content_html).toBe('string');
    expect(Date.parse(item.date_published)).not.toBeNaN();
  }
  return feed;
}
