import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage, PageCache } from '../../cache/page-cache.js';

const HTML = 'text/html; charset=utf-8';
/** Shared caches (a CDN, Varnish) keep pages for up to five minutes and are purged by surrogate key. */
const SHARED_MAX_AGE = 300;
const STALE_CACHE_CONTROL = 'public, max-age=0, must-revalidate, s-maxage=0';

export interface RenderedPage {
  readonly html: string;
  readonly keys: readonly string[];
  readonly validUntil: Date | null;
}

/** What to send for a cached page: status, headers and body, chosen by the request's headers. */
export interface PageReply {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer | null;
}

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
): Promise<FastifyReply | void> {
  const served = await cache.load(cacheKey, now, async () => {
    const rendered = await render();
    if (rendered === 'sent') return null;
    return {
      status: 200,
      headers: {
        'content-type': HTML,
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
  const answer = pageReply(request.headers, served.page, now, served.state);
  // A purged page served while its new version renders: no shared cache may keep it.
  if (served.state === 'STALE') answer.headers['cache-control'] = STALE_CACHE_CONTROL;
  return send(reply, answer);
}

function send(reply: FastifyReply, page: PageReply) {
  return reply.code(page.status).headers(page.headers).send(page.body ?? undefined);
}

/** The reply for a cached page: 304 when the browser has it, else the best encoding it accepts. */
export function pageReply(requestHeaders: IncomingHttpHeaders, page: CachedPage, now: number, cacheState: string): PageReply {
  const headers: Record<string, string> = {
    ...page.headers,
    etag: page.etag,
    'cache-control': cacheControl(page, now),
    'x-cache': cacheState,
  };
  if (requestHeaders['if-none-match'] === page.etag) return { status: 304, headers, body: null };
  const accepted = requestHeaders['accept-encoding'];
  if (accepted) {
    if (page.br && accepted.includes('br')) return withBody(page.status, headers, page.br, 'br');
    if (page.gzip && accepted.includes('gzip')) return withBody(page.status, headers, page.gzip, 'gzip');
  }
  return withBody(page.status, headers, page.body, null);
}

function withBody(status: number, headers: Record<string, string>, body: Buffer, encoding: string | null): PageReply {
  if (encoding) headers['content-encoding'] = encoding;
  headers['content-length'] = String(body.length);
  return { status, headers, body };
}

/** Browsers revalidate every time (an alert must show on the next load); shared caches hold pages until purged or stale. */
export function cacheControl(page: CachedPage, now: number): string {
  const sharedSeconds =
    page.validUntil === null ? SHARED_MAX_AGE : Math.max(0, Math.min(SHARED_MAX_AGE, Math.floor((page.validUntil - now) / 1000)));
  return `public, max-age=0, must-revalidate, s-maxage=${sharedSeconds}`;
}

/** An uncacheable page: search results, errors. */
export function sendUncached(reply: FastifyReply, status: number, html: string) {
  return reply.code(status).header('content-type', HTML).header('cache-control', 'no-store').send(html);
}
