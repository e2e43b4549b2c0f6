import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage, PageCache } from '../../cache/page-cache.js';

const HTML = 'text/html; charset=utf-8';
/** Shared caches (a CDN, Varnish) keep pages for up to five minutes and are purged by surrogate key. */
const SHARED_MAX_AGE = 300;

export interface RenderedPage {
  readonly html: string;
  readonly keys: readonly string[];
  readonly validUntil: Date | null;
}

/**
 * Serves a reader page from the page cache, or renders, stores and serves it. The cache key
 * is the path plus the page number only, so made-up query strings cannot flood the cache.
 */
export async function servePage(
  cache: PageCache,
  request: FastifyRequest,
  reply: FastifyReply,
  cacheKey: string,
  now: number,
  render: () => Promise<RenderedPage | 'sent'>,
): Promise<FastifyReply | void> {
  const hit = cache.get(cacheKey, now);
  if (hit) return sendPage(request, reply, hit, now, 'HIT');
  const rendered = await render();
  if (rendered === 'sent') return reply;
  const page = cache.set(cacheKey, {
    status: 200,
    headers: {
      'content-type': HTML,
      'surrogate-key': rendered.keys.join(' '),
      vary: 'accept-encoding',
    },
    body: rendered.html,
    keys: rendered.keys,
    validUntil: rendered.validUntil?.getTime() ?? null,
  });
  return sendPage(request, reply, page, now, 'MISS');
}

export function sendPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage, now: number, cacheState: string) {
  reply.headers(page.headers);
  reply.header('etag', page.etag);
  reply.header('cache-control', cacheControl(page, now));
  reply.header('x-cache', cacheState);
  if (request.headers['if-none-match'] === page.etag) return reply.code(304).send();
  const accepted = request.headers['accept-encoding'];
  if (accepted) {
    if (page.br && accepted.includes('br')) return reply.code(page.status).header('content-encoding', 'br').send(page.br);
    if (page.gzip && accepted.includes('gzip')) {
      return reply.code(page.status).header('content-encoding', 'gzip').send(page.gzip);
    }
  }
  return reply.code(page.status).send(page.body);
}

/** Browsers revalidate every time (an alert must show on the next load); shared caches hold pages until purged or stale. */
function cacheControl(page: CachedPage, now: number): string {
  const sharedSeconds =
    page.validUntil === null ? SHARED_MAX_AGE : Math.max(0, Math.min(SHARED_MAX_AGE, Math.floor((page.validUntil - now) / 1000)));
  return `public, max-age=0, must-revalidate, s-maxage=${sharedSeconds}`;
}

/** An uncacheable page: search results, errors. */
export function sendUncached(reply: FastifyReply, status: number, html: string) {
  return reply.code(status).header('content-type', HTML).header('cache-control', 'no-store').send(html);
}
