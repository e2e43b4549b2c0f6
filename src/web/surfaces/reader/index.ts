import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ActionDeps } from '../../../actions/deps.js';
import { getErrorChrome } from '../../../actions/reader/get-error-chrome.js';
import { getHomePage } from '../../../actions/reader/get-home-page.js';
import { getProfilePage } from '../../../actions/reader/get-profile-page.js';
import { getSectionPage } from '../../../actions/reader/get-section-page.js';
import { getStoryPage } from '../../../actions/reader/get-story-page.js';
import { getTagPage } from '../../../actions/reader/get-tag-page.js';
import { listServices } from '../../../actions/reader/list-services.js';
import { parsePage } from '../../../actions/reader/list-page.js';
import { searchStories } from '../../../actions/reader/search-stories.js';
import { isDomainError } from '../../../domain/shared/errors.js';
import { storyPath } from '../../../domain/story/story-path.js';
import { profilePath } from '../../../domain/profile/profile.js';
import { renderErrorPage, type ErrorPageKind } from '../../../views/pages/error.page.js';
import { isUnavailable } from '../../plugins/unavailable.js';
import { renderListPage } from '../../../views/pages/list.page.js';
import { renderProfilePage } from '../../../views/pages/profile.page.js';
import { renderSearchPage } from '../../../views/pages/search.page.js';
import { renderServicesPage } from '../../../views/pages/services.page.js';
import { renderStoryPage } from '../../../views/pages/story.page.js';
import type { Assets } from '../../../views/page-model.js';
import type { PageCache } from '../../cache/page-cache.js';
import { toChrome } from './chrome.js';
import { sendUncached, servePage } from './page-response.js';
import { sendUnavailablePage } from './unavailable-page.js';

export interface ReaderSurfaceDeps {
  readonly actions: Pick<ActionDeps, 'store' | 'clock' | 'chromeCache'>;
  readonly cache: PageCache;
  readonly assets: Assets;
  readonly publicUrl: URL;
}

type Params = Record<string, string>;
type Query = Record<string, unknown>;

const ID = /^[1-9]\d{0,11}$/;
const SERVICE_CODE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/;

/** The reader site: server-rendered pages that need no JavaScript, served from the page cache. */
export async function readerSurface(app: FastifyInstance, deps: ReaderSurfaceDeps): Promise<void> {
  const { actions, cache, assets } = deps;
  const now = () => actions.clock.now().getTime();
  const withPage = (path: string, page: number) => (page > 1 ? `${path}?page=${page}` : path);

  app.setErrorHandler((error: FastifyError, request, reply) => sendErrorPage(request, reply, error));
  app.setNotFoundHandler((request, reply) => renderError(request, reply, 'not-found', 404));

  app.get('/', async (_request, reply) => {
    const services = await listServices(actions);
    return sendUncached(reply, 200, renderServicesPage(services, assets, 'Dateline'));
  });

  app.get<{ Params: Params }>('/:service', async (request, reply) => {
    const code = request.params.service ?? '';
    // Only what looks like a service code gets the trailing slash; /favicon.ico is simply not found.
    if (!SERVICE_CODE.test(code)) return renderError(request, reply, 'not-found', 404);
    return reply.redirect(`/${code}/`, 301);
  });

  app.get<{ Params: Params; Querystring: Query }>('/:service/', async (request, reply) => {
    const serviceCode = request.params.service ?? '';
    const page = parsePage(request.query.page);
    return servePage(cache, request, reply, withPage(`/${serviceCode}/`, page), now(), async () => {
      const result = await getHomePage(actions, { serviceCode, page });
      const chrome = toChrome(result.chrome, assets);
      const html = renderListPage(chrome, {
        title: chrome.i18n.t('list.latest'),
        heading: chrome.i18n.t('list.latest'),
        intro: null,
        stories: result.model.stories,
        pagination: { page, hasNext: result.model.hasNext, hrefFor: (p) => withPage(`/${serviceCode}/`, p) },
      });
      return { html, keys: result.cacheKeys, validUntil: result.validUntil };
    });
  });

  app.get<{ Params: Params; Querystring: Query }>('/:service/s/:section', async (request, reply) => {
    const serviceCode = request.params.service ?? '';
    const sectionSlug = request.params.section ?? '';
    const page = parsePage(request.query.page);
    const path = `/${serviceCode}/s/${encodeURIComponent(sectionSlug)}`;
    return servePage(cache, request, reply, withPage(path, page), now(), async () => {
      const result = await getSectionPage(actions, { serviceCode, sectionSlug, page });
      const chrome = toChrome(result.chrome, assets);
      const html = renderListPage(chrome, {
        title: result.model.section.name,
        heading: result.model.section.name,
        intro: null,
        stories: result.model.stories,
        pagination: { page, hasNext: result.model.hasNext, hrefFor: (p) => withPage(path, p) },
      });
      return { html, keys: result.cacheKeys, validUntil: result.validUntil };
    });
  });

  app.get<{ Params: Params; Querystring: Query }>('/:service/t/:tag', async (request, reply) => {
    const serviceCode = request.params.service ?? '';
    const tagSlug = request.params.tag ?? '';
    const page = parsePage(request.query.page);
    const path = `/${serviceCode}/t/${encodeURIComponent(tagSlug)}`;
    return servePage(cache, request, reply, withPage(path, page), now(), async () => {
      const result = await getTagPage(actions, { serviceCode, tagSlug, page });
      const chrome = toChrome(result.chrome, assets);
      const heading = chrome.i18n.t('tag.heading', { name: result.model.tag.name });
      const html = renderListPage(chrome, {
        title: heading,
        heading,
        intro: null,
        stories: result.model.stories,
        pagination: { page, hasNext: result.model.hasNext, hrefFor: (p) => withPage(path, p) },
      });
      return { html, keys: result.cacheKeys, validUntil: result.validUntil };
    });
  });

  app.get<{ Params: Params; Querystring: Query }>('/:service/p/:slug/:id', async (request, reply) => {
    const { service: serviceCode = '', slug = '', id = '' } = request.params;
    if (!ID.test(id)) return renderError(request, reply, 'not-found', 404);
    const page = parsePage(request.query.page);
    const path = `/${serviceCode}/p/${encodeURIComponent(slug)}/${id}`;
    return servePage(cache, request, reply, withPage(path, page), now(), async () => {
      const outcome = await getProfilePage(actions, { serviceCode, slug, profileId: Number(id), page });
      if (outcome.kind === 'redirect') {
        await reply.redirect(profilePath(serviceCode, outcome), 301);
        return 'sent';
      }
      const result = outcome.page;
      const chrome = toChrome(result.chrome, assets);
      const html = renderProfilePage(chrome, {
        profile: result.model.profile,
        stories: result.model.stories,
        pagination: { page, hasNext: result.model.hasNext, hrefFor: (p) => withPage(path, p) },
      });
      return { html, keys: result.cacheKeys, validUntil: result.validUntil };
    });
  });

  app.get<{ Params: Params; Querystring: Query }>('/:service/a/:slug/:id', async (request, reply) => {
    const { service: serviceCode = '', slug = '', id = '' } = request.params;
    if (!ID.test(id)) return renderError(request, reply, 'not-found', 404);
    // Pages of a live story's entries.
    const page = parsePage(request.query.page);
    const path = `/${serviceCode}/a/${encodeURIComponent(slug)}/${id}`;
    return servePage(cache, request, reply, withPage(path, page), now(), async () => {
      const outcome = await getStoryPage(actions, { serviceCode, slug, storyId: Number(id), page });
      if (outcome.kind === 'redirect') {
        await reply.redirect(storyPath({ serviceCode: outcome.serviceCode, slug: outcome.slug, id: outcome.id }), 301);
        return 'sent';
      }
      const result = outcome.page;
      const chrome = toChrome(result.chrome, assets);
      const canonicalUrl = new URL(storyPath(result.model.story), deps.publicUrl).href;
      const html = renderStoryPage(chrome, { ...result.model, canonicalUrl });
      return { html, keys: result.cacheKeys, validUntil: result.validUntil };
    });
  });

  app.get<{ Params: Params; Querystring: Query }>('/:service/search', async (request, reply) => {
    const serviceCode = request.params.service ?? '';
    const query = typeof request.query.q === 'string' ? request.query.q : '';
    const page = parsePage(request.query.page);
    const result = await searchStories(actions, { serviceCode, query, page });
    const chrome = toChrome(result.chrome, assets);
    const base = `/${serviceCode}/search?q=${encodeURIComponent(result.model.query)}`;
    const html = renderSearchPage(chrome, {
      query: result.model.query,
      stories: result.model.stories,
      pagination: { page, hasNext: result.model.hasNext, hrefFor: (p) => (p > 1 ? `${base}&page=${p}` : base) },
    });
    return sendUncached(reply, 200, html);
  });

  async function sendErrorPage(request: FastifyRequest, reply: FastifyReply, error: FastifyError) {
    if (isUnavailable(error)) return sendUnavailablePage(request, reply, error, actions, assets);
    if (isDomainError(error)) {
      if (error.kind === 'gone') return renderError(request, reply, 'gone', 410);
      if (error.kind === 'not-found') return renderError(request, reply, 'not-found', 404);
      if (error.kind === 'invalid') return renderError(request, reply, 'bad-request', 400);
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return renderError(request, reply, 'bad-request', error.statusCode);
    }
    request.log.error({ err: error }, 'reader page failed');
    return reply.code(500).header('content-type', 'text/plain; charset=utf-8').send('Something went wrong on our side.');
  }

  async function renderError(request: FastifyRequest, reply: FastifyReply, kind: ErrorPageKind, status: number) {
    const guess = request.url.split('/')[1]?.split('?')[0];
    const chromeData = await getErrorChrome(actions, guess);
    if (!chromeData) return reply.code(status).header('content-type', 'text/plain; charset=utf-8').send('Not found');
    return sendUncached(reply, status, renderErrorPage(toChrome(chromeData, assets), kind));
  }
}
