import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage, CacheState, PageCache } from '../cache/page-cache.js';

const HTML = 'text/html; charset=utf-8';
/** Shared caches (a CDN, Varnish) keep pages for up to five minutes and are purged by surrogate key. */
const SHARED_MAX_AGE = 300;
const STALE_CACHE_CONTROL = 'public, max-age=0, must-revalidate, s-maxage=0';

export interface RenderedPage {
  readonly html: string;
  readonly keys: readonly string[];
  readonly validUntil: Date | null;
}

/** What to send for a cached page: status, header list (name, value, name, value...) and body. */
export interface PageReply {
  readonly status: number;
  readonly rawHeaders: readonly string[];
  /** Null for a 304. */
  readonly body: Buffer | null;
}

/** A cached page's answer for one encoding, with its header list built once. */
interface PreparedReply {
  readonly rawHeaders: string[];
  readonly body: Buffer;
}

interface PreparedPage {
  /** Header lists with the current cache-control, reused while it stays the same (pages with an alert). */
  readonly current: Map<string[], { cacheControl: string; rawHeaders: string[] }>;
  readonly identity: PreparedReply;
  readonly br: PreparedReply | null;
  readonly gzip: PreparedReply | null;
  readonly notModified: string[];
  /** Where "cache-control" sits in each header list: pages with an alert recompute it per request. */
  readonly cacheControlAt: number;
}

/**
 * The one reply builder for cached pages, used by the cache in front of the router and by the
 * reader surface: 304 when the browser has the page, else the best encoding it accepts, with
 * its length. Header lists are built once per page and encoding, so a hit costs a lookup.
 */
export function pageReplies(baseHeaders: Readonly<Record<string, string>>): (requestHeaders: IncomingHttpHeaders, page: CachedPage, now: number) => PageReply {
  const prepared = new WeakMap<CachedPage, PreparedPage>();
  const prepare = (page: CachedPage, now: number): PreparedPage => {
    let ready = prepared.get(page);
    // Compressed variants arrive after the first render: prepare again once they are there.
    if (!ready || (page.br !== null && ready.br === null) || (page.gzip !== null && ready.gzip === null)) {
      ready = preparePage(page, baseHeaders, now);
      prepared.set(page, ready);
    }
    return ready;
  };
  return (requestHeaders, page, now) => {
    const ready = prepare(page, now);
    if (requestHeaders['if-none-match'] === page.etag) {
      return { status: 304, rawHeaders: withCacheControl(ready.notModified, ready, page, now), body: null };
    }
    const accepted = requestHeaders['accept-encoding'];
    const reply =
      accepted && ready.br && accepted.includes('br')
        ? ready.br
        : accepted && ready.gzip && accepted.includes('gzip')
          ? ready.gzip
          : ready.identity;
    return { status: page.status, rawHeaders: withCacheControl(reply.rawHeaders, ready, page, now), body: reply.body };
  };
}

function preparePage(page: CachedPage, baseHeaders: Readonly<Record<string, string>>, now: number): PreparedPage {
  const common = [
    ...Object.entries(baseHeaders).flat(),
    ...Object.entries(page.headers).flat(),
    'etag',
    page.etag,
    'x-cache',
    'HIT',
    'cache-control',
    cacheControl(page, now),
  ];
  const cacheControlAt = common.length - 1;
  const variant = (body: Buffer | null, encoding: string | null): PreparedReply | null =>
    body && {
      rawHeaders: [...common, ...(encoding ? ['content-encoding', encoding] : []), 'content-length', String(body.length)],
      body,
    };
  return {
    current: new Map(),
    identity: { rawHeaders: [...common, 'content-length', String(page.body.length)], body: page.body },
    br: variant(page.br, 'br'),
    gzip: variant(page.gzip, 'gzip'),
    notModified: common,
    cacheControlAt,
  };
}

function withCacheControl(rawHeaders: string[], ready: PreparedPage, page: CachedPage, now: number): string[] {
  if (page.validUntil === null) return rawHeaders;
  const value = cacheControl(page, now);
  const current = ready.current.get(rawHeaders);
  if (current?.cacheControl === value) return current.rawHeaders;
  const copy = rawHeaders.slice();
  copy[ready.cacheControlAt] = value;
  ready.current.set(rawHeaders, { cacheControl: value, rawHeaders: copy });
  return copy;
}

/** Browsers revalidate every time (an alert must show on the next load); shared caches hold pages until purged or stale. */
function cacheControl(page: CachedPage, now: number): string {
  const sharedSeconds =
    page.validUntil === null ? SHARED_MAX_AGE : Math.max(0, Math.min(SHARED_MAX_AGE, Math.floor((page.validUntil - now) / 1000)));
  return `public, max-age=0, must-revalidate, s-maxage=${sharedSeconds}`;
}

/** Inside the router, the security headers come from their plugin: the page's own headers only. */
const routedReplies = pageReplies({});

/**
 * Serves a reader page from the page cache, or renders, stores and serves it (see PageCache.load:
 * one render for concurrent misses, stale copies while it runs, never storing a render that a
 * purge overtook). The cache key is the path plus the page number only, so made-up query
 * strings cannot flood the cache.
 */
export async function servePage(
  cache: PageCache,
  request: FastifyRequest,
  reply: FastifyReply,
  cacheKey: string,
  now: number,
  render: () => Promise<RenderedPage | 'sent'>,
  /** Feeds and sitemaps are cached and purged the same way, with their own type. */
  contentType: string = HTML,
): Promise<FastifyReply | void> {
  const served = await cache.load(cacheKey, now, async () => {
    const rendered = await render();
    if (rendered === 'sent') return null;
    return {
      status: 200,
      headers: {
        'content-type': contentType,
        'surrogate-key': rendered.keys.join(' '),
        vary: 'accept-encoding',
      },
      body: rendered.html,
      keys: rendered.keys,
      validUntil: rendered.validUntil?.getTime() ?? null,
    };
  });
  // The render sent its own reply (a redirect).
  if (!served) return reply;
  return send(reply, routedReplies(request.headers, served.page, now), served.state);
}

function send(reply: FastifyReply, page: PageReply, cacheState: CacheState) {
  reply.code(page.status);
  for (let i = 0; i < page.rawHeaders.length; i += 2) reply.header(page.rawHeaders[i]!, page.rawHeaders[i + 1]);
  // A purged page served while its new version renders: no shared cache may keep it.
  if (cacheState === 'STALE') reply.header('cache-control', STALE_CACHE_CONTROL);
  return reply.header('x-cache', cacheState).send(page.body ?? undefined);
}

/** An uncacheable page: search results, errors, pages with a reader's form token. */
export function sendUncached(reply: FastifyReply, status: number, html: string) {
  return reply.code(status).header('content-type', HTML).header('cache-control', 'no-store').send(html);
}
