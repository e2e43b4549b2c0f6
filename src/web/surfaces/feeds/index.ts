import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ActionDeps } from '../../../actions/deps.js';
import { getFeed } from '../../../actions/distribution/get-feed.js';
import { FEED_FILE, FEED_FORMATS, type FeedFormat, type FeedScope } from '../../../domain/distribution/feed-paths.js';
import { isDomainError } from '../../../domain/shared/errors.js';
import { feedContentType, renderFeed } from '../../../views/distribution/feeds.js';
import type { Assets } from '../../../views/page-model.js';
import type { PageCache } from '../../cache/page-cache.js';
import { MEDIA_BASE } from '../../shared/masthead.js';
import { servePage } from '../../shared/page-reply.js';

export interface FeedsSurfaceDeps {
  readonly actions: Pick<ActionDeps, 'store' | 'clock'>;
  readonly cache: PageCache;
  readonly assets: Assets;
  readonly publicUrl: URL;
}

type Params = Record<string, string>;
const ID = /^[1-9]\d{0,11}$/;

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 for every service, section, topic and profile, next to
 * the page they follow (`/en/feed.rss`, `/en/s/asia/feed.atom`). Served from the page cache
 * and purged with the list pages; answered 304 to a reader that has the current version.
 */
export async function feedsSurface(app: FastifyInstance, deps: FeedsSurfaceDeps): Promise<void> {
  const { actions, cache } = deps;
  const site = { siteUrl: deps.publicUrl, mediaBase: MEDIA_BASE, logo: deps.assets.logo };

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isDomainError(error) && error.kind === 'not-found') return plain(reply, 404, 'No feed here.');
    request.log.error({ err: error }, 'feed failed');
    return plain(reply, 500, 'Something went wrong on our side.');
  });

  const serve = (format: FeedFormat, scope: (params: Params) => FeedScope | null) =>
    async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
      const target = scope(request.params);
      if (!target) return plain(reply, 404, 'No feed here.');
      const path = request.url.split('?')[0] ?? request.url;
      return servePage(
        cache,
        request,
        reply,
        path,
        actions.clock.now().getTime(),
        async () => {
          const data = await getFeed(actions, target);
          return { html: renderFeed(data, format, site), keys: data.cacheKeys, validUntil: null };
        },
        feedContentType(format),
      );
    };

  for (const format of FEED_FORMATS) {
    const file = FEED_FILE[format];
    app.get<{ Params: Params }>(`/:service/${file}`, serve(format, (p) => ({ kind: 'service', serviceCode: p.service ?? '' })));
    app.get<{ Params: Params }>(
      `/:service/s/:section/${file}`,
      serve(format, (p) => ({ kind: 'section', serviceCode: p.service ?? '', sectionSlug: p.section ?? '' })),
    );
    app.get<{ Params: Params }>(`/:service/t/:tag/${file}`, serve(format, (p) => ({ kind: 'tag', serviceCode: p.service ?? '', tagSlug: p.tag ?? '' })));
    app.get<{ Params: Params }>(`/:service/p/:slug/:id/${file}`, serve(format, (p) =>
      ID.test(p.id ?? '') ? { kind: 'profile', serviceCode: p.service ?? '', profileSlug: p.slug ?? '', profileId: Number(p.id) } : null,
    ));
  }
}

function plain(reply: FastifyReply, status: number, text: string) {
  return reply.code(status).header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'no-store').send(text);
}
