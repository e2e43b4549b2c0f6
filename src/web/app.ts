import http from 'node:http';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifySchema } from 'fastify';
import type { AppActionDeps } from '../actions/app-action-deps.js';
import { readerComments } from '../actions/comments/reader-comments.js';
import { checkReadiness } from '../actions/reader/check-readiness.js';
import { readerPages } from '../actions/reader/reader-pages.js';
import { mediaActions, pushActions, webActions } from '../actions/web-actions.js';
import type { MediaDeps } from '../actions/media/media-deps.js';
import type { PushDeps } from '../actions/push/push-deps.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { AssetBundle } from './assets.js';
import type { PageCache } from './cache/page-cache.js';
import { cacheFront } from './cache/cache-front.js';
import { jsonErrors } from './plugins/errors.js';
import { requestLog } from './plugins/request-log.js';
import { strictJsonBodies } from './plugins/request-text.js';
import { securityHeadersFor, securityHeaders } from './plugins/security-headers.js';
import { adminApiSurface, ADMIN_API_PREFIX } from './surfaces/admin-api/index.js';
import { assetsSurface } from './surfaces/assets/index.js';
import { commentsSurface } from './surfaces/comments/index.js';
import { feedsSurface } from './surfaces/feeds/index.js';
import { sitemapsSurface } from './surfaces/sitemaps/index.js';
import { contentApiSurface } from './surfaces/content-api/index.js';
import { CONTENT_API_PREFIX } from './surfaces/content-api/paths.js';
import { embedsSurface } from './surfaces/embeds/index.js';
import { healthSurface } from './surfaces/health/index.js';
import { mediaSurface } from './surfaces/media/index.js';
import { newsroomSurface } from './surfaces/newsroom/index.js';
import { liveSurface } from './surfaces/live/index.js';
import { readerSurface } from './surfaces/reader/index.js';
import type { LiveStreams } from './live/live-streams.js';
import { cachedSerializerFactory } from './shared/serializer-cache.js';
import { pageValidatorCompiler } from './shared/validator.js';

/** One route as registered: the hostile-input test walks them all, so a new route is covered by itself. */
export interface DeclaredRoute {
  readonly method: string;
  readonly url: string;
  readonly schema: FastifySchema;
}

declare module 'fastify' {
  interface FastifyInstance {
    readonly declaredRoutes: readonly DeclaredRoute[];
  }
}

export interface AppDeps {
  readonly config: Pick<Config, 'publicUrl' | 'mediaDir' | 'uploadsDir' | 'trustProxy'>;
  /** The process's logger: Fastify logs through it, with a request id per request. */
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly actions: AppActionDeps;
  /** Media storage, originals and upload limits (uploads, the media library). */
  readonly media: MediaDeps;
  readonly pageCache: PageCache;
  readonly assets: AssetBundle;
  /** Open pages' Server-Sent Events streams (alerts, updates), fed from the shared event log. */
  readonly liveStreams: LiveStreams;
  /** Web Push: readers' subscriptions to their service's breaking alerts. */
  readonly push: PushDeps;
}

/** Builds the HTTP app from its dependencies: plugins and surfaces, registered explicitly. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const hsts = deps.config.publicUrl.protocol === 'https:';
  const front = cacheFront(deps.pageCache, deps.actions.clock, securityHeadersFor({ hsts }), deps.metrics);
  // Seen as Fastify's logger type, so the app keeps the instance type every surface is written against.
  const loggerInstance: FastifyBaseLogger = deps.logger;
  // Views make canonical links and previews from the site's origin, given with the assets' addresses.
  const assetUrls = { ...deps.assets.urls, siteUrl: deps.config.publicUrl };
  const app = Fastify({
    serverFactory: (handler) =>
      http.createServer((request, response) => {
        if (!front(request, response)) handler(request, response);
      }),
    loggerInstance,
    // One line per request instead of Fastify's two (see requestLog); cache hits never reach here (counted in metrics).
    logController: new LogController({ disableRequestLogging: true }),
    // The client's address is the socket's unless TRUST_PROXY names the proxies in front.
    trustProxy: trustProxyOption(deps.config.trustProxy),
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 300 },
    schemaController: { compilersFactory: { buildSerializer: cachedSerializerFactory } },
  });
  // Surfaces are given bound actions, never the store: the reader and comments their own sets, the others this one.
  const actions = webActions(deps.actions);
  const media = mediaActions(deps.media);
  const routes: DeclaredRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, schema: route.schema ?? {} });
  });
  app.decorate('declaredRoutes', routes);
  // Parameters, queries and forms of every surface are checked by their schemas (the Admin API keeps TypeBox's own).
  app.setValidatorCompiler(pageValidatorCompiler);
  securityHeaders(app, { hsts });
  jsonErrors(app);
  strictJsonBodies(app);
  requestLog(app);

  await app.register(healthSurface, { checkReadiness: () => checkReadiness(deps.actions), metrics: deps.metrics });
  await app.register(assetsSurface, { assets: deps.assets });
  await app.register(mediaSurface, { mediaDir: deps.config.mediaDir });
  await app.register(adminApiSurface, { prefix: ADMIN_API_PREFIX, actions, media, uploadsDir: deps.config.uploadsDir, publicUrl: deps.config.publicUrl });
  await app.register(contentApiSurface, { prefix: CONTENT_API_PREFIX, actions, publicUrl: deps.config.publicUrl });
  await app.register(newsroomSurface, {
    actions,
    media,
    uploadsDir: deps.config.uploadsDir,
    assets: assetUrls,
    secureCookies: hsts,
  });
  // Streams never end by themselves: they are ended first, so closing does not wait for readers.
  app.addHook('preClose', async () => deps.liveStreams.close());
  await app.register(liveSurface, { actions, streams: deps.liveStreams, push: pushActions(deps.push) });
  await app.register(readerSurface, {
    pages: readerPages(deps.actions),
    clock: deps.actions.clock,
    cache: deps.pageCache,
    assets: assetUrls,
    publicUrl: deps.config.publicUrl,
  });
  await app.register(feedsSurface, { actions, cache: deps.pageCache, assets: assetUrls, publicUrl: deps.config.publicUrl });
  await app.register(sitemapsSurface, { actions, cache: deps.pageCache, publicUrl: deps.config.publicUrl });
  await app.register(embedsSurface, { actions, assets: assetUrls, publicUrl: deps.config.publicUrl });
  await app.register(commentsSurface, {
    comments: readerComments(deps.actions),
    secret: deps.actions.guards.secret,
    assets: assetUrls,
    secureCookies: hsts,
  });
  return app;
}

function trustProxyOption(setting: Config['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting === false ? false : [...setting];
}
