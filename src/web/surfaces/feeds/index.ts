import { Type } from 'typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebActions } from '../../../actions/web-actions.js';
import { FEED_FILE, FEED_FORMATS, type FeedFormat, type FeedScope } from '../../../domain/distribution/feed-paths.js';
import { feedContentType, renderFeed } from '../../../views/distribution/feeds.js';
import type { Assets } from '../../../views/page-model.js';
import type { PageCache } from '../../cache/page-cache.js';
import { MEDIA_BASE } from '../../shared/masthead.js';
import { Id, ServiceCode, Slug, SlugParam, strict } from '../../shared/schemas.js';
import { servePage } from '../../shared/page-reply.js';
import { plainTextErrors } from '../../shared/plain-reply.js';

export interface FeedsSurfaceDeps {
  readonly actions: WebActions;
  readonly cache: PageCache;
  readonly assets: Assets;
  readonly publicUrl: URL;
}

type Params = Record<string, string>;
// A parameter that cannot name anything is "No feed here." (404), like the pages the feeds follow.
const ServiceParams = { params: Type.Object({ service: ServiceCode }, strict) };
const SectionParams = { params: Type.Object({ service: ServiceCode, section: Slug }, strict) };
const TagParams = { params: Type.Object({ service: ServiceCode, tag: Slug }, strict) };
const ProfileParams = { params: Type.Object({ service: ServiceCode, slug: SlugParam, id: Id }, strict) };

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 for every service, section, topic and profile, next to
 * the page they follow (`/en/feed.rss`, `/en/s/asia/feed.atom`). Served from the page cache
 * and purged with the list pages; answered 304 to a reader that has the current version.
 */
export async function feedsSurface(app: FastifyInstance, deps: FeedsSurfaceDeps): Promise<void> {
  const { actions, cache } = deps;
  const site = { siteUrl: deps.publicUrl, mediaBase: MEDIA_BASE, logo: deps.assets.logo };

  plainTextErrors(app, 'No feed here.', 'feed failed');

  const serve = (format: FeedFormat, scope: (params: Params) => FeedScope) =>
    async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
      const target = scope(request.params);
      const path = request.url.split('?')[0] ?? request.url;
      return servePage(
        cache,
        request,
        reply,
        path,
        actions.clock.now().getTime(),
        async () => {
          const data = await actions.getFeed(target);
          return { html: renderFeed(data, format, site), keys: data.cacheKeys, validUntil: null };
        },
        feedContentType(format),
      );
    };

  for (const format of FEED_FORMATS) {
    const file = FEED_FILE[format];
    app.get<{ Params: Params }>(`/:service/${file}`, { schema: ServiceParams }, serve(format, (p) => ({ kind: 'service', serviceCode: p.service ?? '' })));
    app.get<{ Params: Params }>(
      `/:service/s/:section/${file}`,
      { schema: SectionParams },
      serve(format, (p) => ({ kind: 'section', serviceCode: p.service ?? '', sectionSlug: p.section ?? '' })),
    );
    app.get<{ Params: Params }>(`/:service/t/:tag/${file}`, { schema: TagParams }, serve(format, (p) => ({ kind: 'tag', serviceCode: p.service ?? '', tagSlug: p.tag ?? '' })));
    app.get<{ Params: Params }>(
      `/:service/p/:slug/:id/${file}`,
      { schema: ProfileParams },
      serve(format, (p) => ({ kind: 'profile', serviceCode: p.service ?? '', profileSlug: p.slug ?? '', profileId: Number(p.id) })),
    );
  }
}
