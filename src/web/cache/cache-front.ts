import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../domain/shared/clock.js';
import { pageReply } from '../surfaces/reader/page-response.js';
import type { PageCache } from './page-cache.js';

/**
 * The in-process cache in front of the router, as Varnish would be in front of the app: a GET
 * or HEAD whose exact path is a cached reader page is answered here, with the same headers the
 * reader surface sends, without entering Fastify. Everything else passes through.
 */
export function cacheFront(
  cache: PageCache,
  clock: Clock,
  baseHeaders: Readonly<Record<string, string>>,
): (request: IncomingMessage, response: ServerResponse) => boolean {
  return (request, response) => {
    const method = request.method;
    if ((method !== 'GET' && method !== 'HEAD') || !request.url) return false;
    const now = clock.now().getTime();
    const page = cache.get(request.url, now);
    if (!page) return false;
    const reply = pageReply(request.headers, page, now, 'HIT');
    response.writeHead(reply.status, { ...baseHeaders, ...reply.headers });
    response.end(method === 'HEAD' ? undefined : (reply.body ?? undefined));
    return true;
  };
}
