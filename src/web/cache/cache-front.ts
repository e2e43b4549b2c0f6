import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../domain/shared/clock.js';
import { pageReplies } from '../shared/page-reply.js';
import type { PageCache } from './page-cache.js';

/**
 * The in-process cache in front of the router, as Varnish would be in front of the app: a GET
 * or HEAD whose exact path is a cached reader page is answered here, with the same headers the
 * reader surface sends (the same reply builder), without entering Fastify. Everything else
 * passes through. A hit costs a lookup and a write.
 */
export function cacheFront(
  cache: PageCache,
  clock: Clock,
  baseHeaders: Readonly<Record<string, string>>,
): (request: IncomingMessage, response: ServerResponse) => boolean {
  const replyFor = pageReplies(baseHeaders);
  return (request, response) => {
    const method = request.method;
    if ((method !== 'GET' && method !== 'HEAD') || !request.url) return false;
    const now = clock.now().getTime();
    const page = cache.get(request.url, now);
    if (!page) return false;
    const reply = replyFor(request.headers, page, now);
    response.writeHead(reply.status, reply.rawHeaders as string[]);
    response.end(method === 'HEAD' || !reply.body ? undefined : reply.body);
    return true;
  };
}
