import { Type } from 'typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebActions } from '../../../actions/web-actions.js';
import { renderNewsSitemap, renderRobots, renderServiceSitemap, renderSitemapIndex } from '../../../views/distribution/sitemaps.js';
import type { PageCache } from '../../cache/page-cache.js';
import { MEDIA_BASE } from '../../shared/masthead.js';
import { servePage } from '../../shared/page-reply.js';
import { plainTextErrors } from '../../shared/plain-reply.js';
import { ServiceCode, strict } from '../../shared/schemas.js';

// A service code that cannot name one is "No sitemap here." (404), like the pages.
const NewsParams = { params: Type.Object({ service: ServiceCode }, strict) };
const PageParams = { params: Type.Object({ service: ServiceCode, page: Type.String({ maxLength: 6 }) }, strict) };

export interface SitemapsSurfaceDeps {
  readonly actions: WebActions;
  readonly cache: PageCache;
  readonly publicUrl: URL;
}

const XML = 'application/xml; charset=utf-8';
type Params = Record<string, string>;

/**
 * robots.txt, the sitemap index, each service's sitemaps (50,000 stories a file) and news
 * sitemap (the last 48 hours). Cached and purged with the list pages.
 */
export async function sitemapsSurface(app: FastifyInstance, deps: SitemapsSurfaceDeps): Promise<void> {
  const { actions, cache } = deps;
  const site = { siteUrl: deps.publicUrl, mediaBase: MEDIA_BASE };
  const now = () => actions.clock.now().getTime();
  const pathOf = (request: FastifyRequest) => request.url.split('?')[0] ?? request.url;

  plainTextErrors(app, 'No sitemap here.', 'sitemap failed');

  app.get('/robots.txt', async (_request, reply) =>
    reply.header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(renderRobots(site)),
  );

  app.get('/sitemap.xml', async (request, reply) =>
    servePage(cache, request, reply, pathOf(request), now(), async () => {
      const index = await actions.getSitemapIndex();
      return { html: renderSitemapIndex(index.entries, site), keys: index.cacheKeys, validUntil: null };
    }, XML),
  );

  app.get<{ Params: Params }>('/:service/sitemap-news.xml', { schema: NewsParams }, async (request, reply) =>
    servePage(cache, request, reply, pathOf(request), now(), async () => {
      const sitemap = await actions.getNewsSitemap(request.params.service ?? '');
      return { html: renderNewsSitemap(sitemap, site), keys: sitemap.cacheKeys, validUntil: sitemap.validUntil };
    }, XML),
  );

  app.get<{ Params: Params }>('/:service/sitemap-:page(^[1-9]\\d{0,5}).xml', { schema: PageParams }, async (request, reply) =>
    servePage(cache, request, reply, pathOf(request), now(), async () => {
      const sitemap = await actions.getServiceSitemap(request.params.service ?? '', Number(request.params.page));
      return { html: renderServiceSitemap(sitemap, site), keys: sitemap.cacheKeys, validUntil: null };
    }, XML),
  );
}
