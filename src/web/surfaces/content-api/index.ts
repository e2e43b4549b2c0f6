import { createHash } from 'node:crypto';
import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import { TypeBoxValidatorCompiler, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { WebActions } from '../../../actions/web-actions.js';
import { DomainError, invalid } from '../../../domain/shared/errors.js';
import { MEDIA_BASE } from '../../shared/masthead.js';
import { KeyRateLimiter } from './key-limiter.js';
import { CONTENT_API_PREFIX } from './paths.js';
import {
  ContentErrorBody,
  EntriesQuery,
  IdParams,
  LiveEntryList,
  MediaBody,
  ProfileBody,
  ServiceList,
  ServiceParams,
  StoriesQuery,
  StoryBody,
  StoryList,
  TagList,
} from './schemas.js';
import { decodeCursor, encodeCursor, liveEntryJson, liveStateJson, mediaJson, profileJson, serviceJson, storyJson, tagJson } from './to-json.js';

const errors = { 400: ContentErrorBody, 401: ContentErrorBody, 404: ContentErrorBody, 429: ContentErrorBody };
const security = [{ apiKey: [] }];

/**
 * The Content API: public, read-only JSON of what the reader site shows, for partners' sites
 * and apps, with keys admins issue in the newsroom. Every route has a response schema, so
 * nothing leaves that was not meant to; drafts, embargoed and withdrawn stories are never
 * found. Answers carry an ETag (304 when unchanged) and surrogate keys for a CDN.
 */
export const contentApiSurface: FastifyPluginAsyncTypebox<{ actions: WebActions; publicUrl: URL }> = async (app, { actions, publicUrl }) => {
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  const limiter = new KeyRateLimiter();
  const absolute = (path: string) => new URL(path, publicUrl).href;

  await app.register(cors, {
    origin: '*',
    methods: ['GET', 'HEAD'],
    allowedHeaders: ['authorization', 'if-none-match'],
    exposedHeaders: ['etag', 'surrogate-key', 'ratelimit-limit', 'ratelimit-remaining', 'retry-after'],
    maxAge: 86_400,
  });

  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'OPTIONS' || request.url.startsWith(`${CONTENT_API_PREFIX}/openapi.json`)) return;
    const header = request.headers.authorization;
    const presented = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!presented) throw new DomainError('API_KEY_REQUIRED', 'Send your API key as "Authorization: Bearer <key>"');
    const key = await actions.authenticateApiKey(presented);
    if (!key) throw new DomainError('API_KEY_INVALID', 'This API key is not valid or has been revoked');
    const taken = limiter.take(key.id, key.requestsPerMinute, actions.clock.now().getTime());
    reply.header('ratelimit-limit', String(key.requestsPerMinute));
    if (!taken.allowed) {
      reply.header('retry-after', String(taken.retryAfterSeconds));
      throw new DomainError('RATE_LIMITED', 'rate-limited', `This key may make ${key.requestsPerMinute} requests a minute; try again in ${taken.retryAfterSeconds} s`);
    }
    reply.header('ratelimit-remaining', String(taken.remaining));
  });

  // An ETag over the exact bytes sent; a client holding them gets 304.
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 200 || typeof payload !== 'string') {
      if (reply.statusCode >= 400) reply.header('cache-control', 'no-store');
      return payload;
    }
    const etag = `"${createHash('sha1').update(payload).digest('base64url').slice(0, 20)}"`;
    reply.header('etag', etag);
    reply.header('cache-control', 'public, max-age=0, must-revalidate, s-maxage=60');
    reply.header('vary', 'authorization, origin');
    if (request.headers['if-none-match'] === etag) {
      reply.code(304);
      return '';
    }
    return payload;
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Dateline Content API', version: '1', description: 'Read-only: what the reader site shows, as JSON.' },
      servers: [{ url: absolute(CONTENT_API_PREFIX) }],
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'a Content API key issued by an admin in the newsroom' } } },
      security,
    },
    transform: ({ schema, url }) => ({ schema, url: url.startsWith(CONTENT_API_PREFIX) ? url.slice(CONTENT_API_PREFIX.length) || '/' : url }),
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const keyed = (reply: FastifyReply, keys: readonly string[]) => reply.header('surrogate-key', [...new Set(keys)].join(' '));

  app.get('/services', { schema: { tags: ['services'], response: { 200: ServiceList, ...errors } } }, async (_request, reply) => {
    const result = await actions.listContentServices();
    keyed(reply, result.cacheKeys);
    return { items: result.value.map(({ service, sections }) => serviceJson(service, sections, absolute)) };
  });

  app.get('/services/:code/tags', { schema: { tags: ['services'], params: ServiceParams, response: { 200: TagList, ...errors } } }, async (request, reply) => {
    const result = await actions.listContentTags(request.params.code);
    keyed(reply, result.cacheKeys);
    return { items: result.value.map((tag) => tagJson(tag, absolute)) };
  });

  app.get('/stories', { schema: { tags: ['stories'], querystring: StoriesQuery, response: { 200: StoryList, ...errors } } }, async (request, reply) => {
    const q = request.query;
    let updatedSince: Date | undefined;
    if (q.updated_since !== undefined) {
      updatedSince = new Date(q.updated_since);
      if (Number.isNaN(updatedSince.getTime())) throw invalid('FIELD_INVALID', 'updated_since must be an ISO 8601 date and time', 'updated_since');
    }
    const result = await actions.listContentStories({
      ...(q.service ? { service: q.service } : {}),
      ...(q.section ? { section: q.section } : {}),
      ...(q.tag ? { tag: q.tag } : {}),
      ...(updatedSince ? { updatedSince } : {}),
      ...(q.cursor ? { cursor: decodeCursor(q.cursor) } : {}),
      limit: q.limit ?? 20,
    });
    keyed(reply, result.cacheKeys);
    return { items: result.value.stories.map((s) => storyJson(s, absolute, MEDIA_BASE)), next: result.value.next ? encodeCursor(result.value.next) : null };
  });

  app.get('/stories/:id', { schema: { tags: ['stories'], params: IdParams, response: { 200: StoryBody, ...errors } } }, async (request, reply) => {
    const result = await actions.getContentStory(request.params.id);
    keyed(reply, result.cacheKeys);
    return storyJson(result.value, absolute, MEDIA_BASE);
  });

  app.get(
    '/stories/:id/live/entries',
    { schema: { tags: ['stories'], params: IdParams, querystring: EntriesQuery, response: { 200: LiveEntryList, ...errors } } },
    async (request, reply) => {
      const page = request.query.page ?? 1;
      const result = await actions.getContentLiveEntries(request.params.id, page);
      keyed(reply, result.cacheKeys);
      const { story, live, entries, hasNext, media, profiles } = result.value;
      return {
        story: story.id,
        live: liveStateJson(live, story.id, absolute),
        items: entries.map((entry) => liveEntryJson(entry, story, absolute)),
        page,
        next: hasNext ? page + 1 : null,
        media: media.map((m) => mediaJson(m, absolute, MEDIA_BASE)),
        profiles: profiles.map(profileJson),
      };
    },
  );

  app.get('/profiles/:id', { schema: { tags: ['profiles'], params: IdParams, response: { 200: ProfileBody, ...errors } } }, async (request, reply) => {
    const result = await actions.getContentProfile(request.params.id);
    keyed(reply, result.cacheKeys);
    return profileJson(result.value);
  });

  app.get('/media/:id', { schema: { tags: ['media'], params: IdParams, response: { 200: MediaBody, ...errors } } }, async (request, reply) => {
    const result = await actions.getContentMedia(request.params.id);
    keyed(reply, result.cacheKeys);
    return mediaJson(result.value, absolute, MEDIA_BASE);
  });
};
