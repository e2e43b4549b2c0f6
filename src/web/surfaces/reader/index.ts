import { feedLinks } from '../../../views/distribution/feed-links.js';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ReaderPages } from '../../../actions/reader/reader-pages.js';
import type { Clock } from '../../../domain/shared/clock.js';
import { storyPath } from '../../../domain/story/story-path.js';
import { profilePath } from '../../../domain/profile/profile.js';
import { renderFrontPage } from '../../../views/pages/front.page.js';
import { renderListPage } from '../../../views/pages/list.page.js';
import { renderPrivacyPage } from '../../../views/pages/privacy.page.js';
import { renderAboutPage, renderContactPage } from '../../../views/pages/service-info.page.js';
import { renderProfilePage } from '../../../views/pages/profile.page.js';
import { renderSearchPage } from '../../../views/pages/search.page.js';
import { renderServicesPage } from '../../../views/pages/services.page.js';
import { renderStoryPage } from '../../../views/pages/story.page.js';
import type { Assets } from '../../../views/page-model.js';
import type { PageCache } from '../../cache/page-cache.js';
import { readerErrorPages, toMasthead } from '../../shared/masthead.js';
import { sendUncached, servePage } from '../../shared/page-reply.js';
import { pageNumber } from '../../shared/schemas.js';
import { ItemParams, PageQuery, ReadParams, ReadQuery, SearchQuery, SectionParams, ServiceParams, TagParams } from './schemas.js';

export interface ReaderSurfaceDeps {
  /** What the pages read: the surface is given these actions, never the store. */
  readonly pages: ReaderPages;
  readonly clock: Clock;
  readonly cache: PageCache;
  readonly assets: Assets;
  readonly publicUrl: URL;
}

/** A transparent 1×1 GIF, the read beacon's answer. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** The reader site: server-rendered pages that need no JavaScript, served from the page cache. */
export async function readerSurface(app: FastifyInstance, deps: ReaderSurfaceDeps): Promise<void> {
  const { pages, cache, assets } = deps;
  const now = () => deps.clock.now().getTime();
  const withPage = (path: string, page: number) => (page > 1 ? `${path}?page=${page}` : path);

  const errors = readerErrorPages(pages, assets);
  app.setErrorHandler((error: FastifyError, request, reply) => errors.forError(request, reply, error));
  app.setNotFoundHandler((request, reply) => errors.notFound(request, reply));

  app.get('/', async (_request, reply) => {
    const services = await pages.services();
    return sendUncached(reply, 200, renderServicesPage(services, assets, 'Dateline'));
  });

  // Only what looks like a service code gets the trailing slash; /favicon.ico is simply not found.
  app.get<{ Params: ServiceParams }>('/:service', { schema: { params: ServiceParams } }, async (request, reply) =>
    reply.redirect(`/${request.params.service}/`, 301),
  );

  app.get<{ Params: ServiceParams; Querystring: PageQuery }>('/:service/', { schema: { params: ServiceParams, querystring: PageQuery } }, async (request, reply) => {
    const serviceCode = request.params.service;
    const page = pageNumber(request.query.page);
    return servePage(cache, request, reply, withPage(`/${serviceCode}/`, page), now(), async () => {
      const result = await pages.home({ serviceCode, page });
      const masthead = toMasthead(result.masthead, assets);
      const pagination = { page, hasNext: result.model.hasNext, hrefFor: (p: number) => withPage(`/${serviceCode}/`, p) };
      const html =
        page === 1
          ? renderFrontPage(masthead, { stories: result.model.front, mostRead: result.model.mostRead, media: result.model.media, pagination })
          : renderListPage(masthead, {
              canonicalPath: `/${serviceCode}/`,
              feeds: feedLinks({ kind: 'service', serviceCode }, masthead.service.name),
              title: masthead.i18n.t('list.latest'),
              heading: masthead.i18n.t('list.latest'),
              intro: null,
              stories: result.model.stories,
              media: result.model.media,
              pagination,
            });
      return { html, keys: result.cacheKeys, validUntil: result.validUntil };
    });
  });

  app.get<{ Params: SectionParams; Querystring: PageQuery }>('/:service/s/:section', { schema: { params: SectionParams, querystring: PageQuery } }, async (request, reply) => {
    const { service: serviceCode, section: sectionSlug } = request.params;
    const page = pageNumber(request.query.page);
    const path = `/${serviceCode}/s/${encodeURIComponent(sectionSlug)}`;
    return servePage(cache, request, reply, withPage(path, page), now(), async () => {
      const result = await pages.section({ serviceCode, sectionSlug, page });
      const masthead = toMasthead(result.masthead, assets);
      const html = renderListPage(masthead, {
        canonicalPath: path,
        feeds: [
          ...feedLinks({ kind: 'section', serviceCode, sectionSlug }, `${masthead.service.name}: ${result.model.section.name}`),
          ...feedLinks({ kind: 'service', serviceCode }, masthead.service.name),
        ],
        title: result.model.section.name,
        heading: result.model.section.name,
        intro: null,
        stories: result.model.stories,
        media: result.model.media,
        pagination: { page, hasNext: result.model.hasNext, hrefFor: (p) => withPage(path, p) },
      });
      return { html, keys: result.cacheKeys, validUntil: result.validUntil };
    });
  });

  app.get<{ Params: TagParams; Querystring: PageQuery }>('/:service/t/:tag', { schema: { params: TagParams, querystring: PageQuery } }, async (request, reply) => {
    const { service: serviceCode, tag: tagSlug } = request.params;
    const page = pageNumber(request.query.page);
    const path = `/${serviceCode}/t/${encodeURIComponent(tagSlug)}`;
    return servePage(cache, request, reply, withPage(path, page), now(), async () => {
      const result = await pages.tag({ serviceCode, tagSlug, page });
      const masthead = toMasthead(result.masthead, assets);
      const heading = masthead.i18n.t('tag.heading', { name: result.model.tag.name });
      const html = renderListPage(masthead, {
        canonicalPath: path,
        feeds: [
          ...feedLinks({ kind: 'tag', serviceCode, tagSlug }, `${masthead.service.name}: ${result.model.tag.name}`),
          ...feedLinks({ kind: 'service', serviceCode }, masthead.service.name),
        ],
        title: heading,
        heading,
        intro: null,
        stories: result.model.stories,
        media: result.model.media,
        pagination: { page, hasNext: result.model.hasNext, hrefFor: (p) => withPage(path, p) },
      });
      return { html, keys: result.cacheKeys, validUntil: result.validUntil };
    });
  });

  app.get<{ Params: ItemParams; Querystring: PageQuery }>('/:service/p/:slug/:id', { schema: { params: ItemParams, querystring: PageQuery } }, async (request, reply) => {
    const { service: serviceCode, slug, id } = request.params;
    const page = pageNumber(request.query.page);
    const path = `/${serviceCode}/p/${encodeURIComponent(slug)}/${id}`;
    return servePage(cache, request, reply, withPage(path, page), now(), async () => {
      const outcome = await pages.profile({ serviceCode, slug, profileId: id, page });
      if (outcome.kind === 'redirect') {
        await reply.redirect(profilePath(serviceCode, outcome), 301);
        return 'sent';
      }
      const result = outcome.page;
      const masthead = toMasthead(result.masthead, assets);
      const html = renderProfilePage(masthead, {
        canonicalPath: profilePath(serviceCode, result.model.profile),
        profile: result.model.profile,
        stories: result.model.stories,
        media: result.model.media,
        pagination: { page, hasNext: result.model.hasNext, hrefFor: (p) => withPage(path, p) },
      });
      return { html, keys: result.cacheKeys, validUntil: result.validUntil };
    });
  });

  app.get<{ Params: ItemParams; Querystring: PageQuery }>('/:service/a/:slug/:id', { schema: { params: ItemParams, querystring: PageQuery } }, async (request, reply) => {
    const { service: serviceCode, slug, id } = request.params;
    // Pages of a live story's entries.
    const page = pageNumber(request.query.page);
    const path = `/${serviceCode}/a/${encodeURIComponent(slug)}/${id}`;
    return servePage(cache, request, reply, withPage(path, page), now(), async () => {
      const outcome = await pages.story({ serviceCode, slug, storyId: id, page });
      if (outcome.kind === 'redirect') {
        await reply.redirect(storyPath({ serviceCode: outcome.serviceCode, slug: outcome.slug, id: outcome.id }), 301);
        return 'sent';
      }
      const result = outcome.page;
      const masthead = toMasthead(result.masthead, assets);
      const canonicalUrl = new URL(storyPath(result.model.story), deps.publicUrl).href;
      const html = renderStoryPage(masthead, { ...result.model, canonicalUrl });
      return { html, keys: result.cacheKeys, validUntil: result.validUntil };
    });
  });

  app.get<{ Params: ServiceParams }>('/:service/privacy', { schema: { params: ServiceParams } }, async (request, reply) => {
    const serviceCode = request.params.service;
    return servePage(cache, request, reply, `/${serviceCode}/privacy`, now(), async () => {
      const result = await pages.privacy({ serviceCode });
      return { html: renderPrivacyPage(toMasthead(result.masthead, assets)), keys: result.cacheKeys, validUntil: result.validUntil };
    });
  });

  // About and Contact: what the service's editors wrote in its settings (purged when they change).
  for (const [page, render] of [
    ['about', renderAboutPage],
    ['contact', renderContactPage],
  ] as const) {
    app.get<{ Params: ServiceParams }>(`/:service/${page}`, { schema: { params: ServiceParams } }, async (request, reply) => {
      const serviceCode = request.params.service;
      return servePage(cache, request, reply, `/${serviceCode}/${page}`, now(), async () => {
        const result = await pages.serviceInfo({ serviceCode });
        return { html: render(toMasthead(result.masthead, assets), result.model), keys: result.cacheKeys, validUntil: result.validUntil };
      });
    });
  }

  // The story page's read beacon: one more read on today's counter, nothing about the reader.
  // A beacon rather than counting page hits, so pages stay served from any cache.
  app.get<{ Params: ReadParams }>('/:service/read/:id', { schema: { params: ReadParams, querystring: ReadQuery } }, async (request, reply) => {
    await pages.countRead(request.params.service, request.params.id);
    return reply.header('content-type', 'image/gif').header('cache-control', 'no-store').send(PIXEL);
  });

  app.get<{ Params: ServiceParams; Querystring: SearchQuery }>('/:service/search', { schema: { params: ServiceParams, querystring: SearchQuery } }, async (request, reply) => {
    const serviceCode = request.params.service;
    const query = request.query.q ?? '';
    const page = pageNumber(request.query.page);
    const filters = { section: request.query.section ?? '', from: request.query.from ?? '', to: request.query.to ?? '' };
    const result = await pages.search({ serviceCode, query, page, ...filters });
    const masthead = toMasthead(result.masthead, assets);
    const { model } = result;
    const search = new URLSearchParams({ q: model.query });
    if (model.section) search.set('section', model.section);
    if (model.from) search.set('from', model.from);
    if (model.to) search.set('to', model.to);
    const base = `/${serviceCode}/search?${search.toString()}`;
    const html = renderSearchPage(masthead, {
      query: model.query,
      section: model.section,
      from: model.from,
      to: model.to,
      results: model.hits,
      pagination: { page, hasNext: model.hasNext, hrefFor: (p) => (p > 1 ? `${base}&page=${p}` : base) },
    });
    return sendUncached(reply, 200, html);
  });
}
