import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../domain/shared/clock.js';
import type { Metrics } from '../../metrics.js';
import { cacheControl } from '../surfaces/reader/page-response.js';
import type { CachedPage, PageCache } from './page-cache.js';

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
 * The in-process cache in front of the router, as Varnish would be in front of the app: a GET
 * or HEAD whose exact path is a cached reader page is answered here, with the same headers the
 * reader surface sends, without entering Fastify. Everything else passes through. Header lists
 * are built once per page and encoding, so a hit costs a lookup and a write.
 */
export function cacheFront(
  cache: PageCache,
  clock: Clock,
  baseHeaders: Readonly<Record<string, string>>,
  metrics: Metrics,
): (request: IncomingMessage, response: ServerResponse) => boolean {
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

  return (request, response) => {
    const method = request.method;
    if ((method !== 'GET' && method !== 'HEAD') || !request.url) return false;
    const now = clock.now().getTime();
    const page = cache.get(request.url, now);
    if (!page) return false;
    // Counted, not logged: at tens of thousands of hits a second a log line each would cost more than the hit.
    metrics.increment('dateline_page_cache_hits_total');
    const ready = prepare(page, now);
    const headers = request.headers;
    if (headers['if-none-match'] === page.etag) {
      response.writeHead(304, withCacheControl(ready.notModified, ready, page, now));
      response.end();
      return true;
    }
    const accepted = headers['accept-encoding'];
    const reply =
      accepted && ready.br && accepted.includes('br')
        ? ready.br
        : accepted && ready.gzip && accepted.includes('gzip')
          ? ready.gzip
          : ready.identity;
    response.writeHead(page.status, withCacheControl(reply.rawHeaders, ready, page, now));
    response.end(method === 'HEAD' ? undefined : reply.body);
    return true;
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
