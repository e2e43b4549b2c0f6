import type { FastifyError } from 'fastify';
import { Type } from 'typebox';
import { TypeBoxValidatorCompiler, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WebActions } from '../../../actions/web-actions.js';
import { type EmbedData } from '../../../actions/distribution/get-embed.js';
import { embedPath } from '../../../domain/distribution/embed-paths.js';
import { playableRenditions, posterOf } from '../../../domain/media/media.js';
import { DomainError, notFound } from '../../../domain/shared/errors.js';
import { renderEmbedPage } from '../../../views/pages/embed.page.js';
import type { Assets } from '../../../views/page-model.js';
import { CONTENT_SECURITY_POLICY } from '../../plugins/security-headers.js';
import { MEDIA_BASE } from '../../shared/masthead.js';
import { sendPlain } from '../../shared/plain-reply.js';
import { Id } from '../../shared/schemas.js';

export interface EmbedsSurfaceDeps {
  readonly actions: WebActions;
  readonly assets: Assets;
  readonly publicUrl: URL;
}

/** Embed pages are the one thing other sites may frame; everything else keeps frame-ancestors 'none'. */
const FRAMABLE_POLICY = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", 'frame-ancestors *');

const EmbedParams = Type.Object({ id: Id }, { additionalProperties: false });
const OembedQuery = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2_000 }),
    format: Type.Optional(Type.String({ maxLength: 10 })),
    maxwidth: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    maxheight: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  },
  { additionalProperties: false },
);
const OembedBody = Type.Object(
  {
    version: Type.Literal('1.0'),
    type: Type.Union([Type.Literal('video'), Type.Literal('rich'), Type.Literal('link')]),
    title: Type.String(),
    provider_name: Type.String(),
    provider_url: Type.String(),
    html: Type.Optional(Type.String()),
    width: Type.Optional(Type.Integer()),
    height: Type.Optional(Type.Integer()),
    thumbnail_url: Type.Optional(Type.String()),
    thumbnail_width: Type.Optional(Type.Integer()),
    thumbnail_height: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);

const STORY_PATH = /^\/([a-z]{2,3}(?:-[a-z0-9]{2,8})*)\/a\/[^/]+\/([1-9]\d{0,9})$/;
const EMBED_PATH = /^\/embed\/media\/([1-9]\d{0,9})$/;

/**
 * The embeddable player page of each published media item (`/embed/media/{id}`) and the
 * oEmbed endpoint (`/oembed?url=`) that turns a story or player address into the iframe a
 * partner's CMS pastes.
 */
export const embedsSurface: FastifyPluginAsyncTypebox<EmbedsSurfaceDeps> = async (app, { actions, assets, publicUrl }) => {
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  // A player address that cannot name anything is "No player here." (404), like a page's; the rest goes to the app's handler.
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error.validation && error.validationContext === 'params') {
      return sendPlain(reply, 404, 'No player here.');
    }
    throw error;
  });

  app.get('/embed/media/:id', { schema: { params: EmbedParams } }, async (request, reply) => {
    const data = await actions.getEmbed(request.params.id).catch(unlessNotFound);
    if (!data) return sendPlain(reply, 404, 'No player here.');
    const html = renderEmbedPage({ media: data.media, story: data.story, service: data.service, assets, mediaBase: MEDIA_BASE, siteUrl: publicUrl });
    return reply
      .header('content-security-policy', FRAMABLE_POLICY)
      .removeHeader('x-frame-options')
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'public, max-age=60, s-maxage=300')
      .header('surrogate-key', data.cacheKeys.join(' '))
      .send(html);
  });

  app.get('/oembed', { schema: { querystring: OembedQuery, response: { 200: OembedBody, 501: Type.String() } } }, async (request, reply) => {
    const { url, format, maxwidth, maxheight } = request.query;
    if (format !== undefined && format !== 'json') {
      return reply.code(501).header('content-type', 'text/plain; charset=utf-8').send('Only format=json is offered.');
    }
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw notFound('OEMBED_URL_UNKNOWN', 'url is not an address of this site');
    }
    if (target.host !== publicUrl.host) throw notFound('OEMBED_URL_UNKNOWN', 'url is not an address of this site');
    const provider = { version: '1.0' as const, provider_name: 'Dateline', provider_url: publicUrl.href };
    const embedMatch = EMBED_PATH.exec(target.pathname);
    const storyMatch = STORY_PATH.exec(target.pathname);
    let title: string;
    let embed: EmbedData | null;
    if (embedMatch) {
      embed = await actions.getEmbed(Number(embedMatch[1]));
      title = embed.media.title;
    } else if (storyMatch) {
      const story = await actions.getEmbedStory(Number(storyMatch[2]));
      title = story.headline;
      // A story whose lead has no player (none, or an image) is offered as a link.
      embed = story.leadMediaId === null ? null : await actions.getEmbed(story.leadMediaId).catch(unlessNotFound);
    } else {
      throw notFound('OEMBED_URL_UNKNOWN', 'url is not a story or player address of this site');
    }
    if (!embed) return { ...provider, type: 'link' as const, title };
    const file = playableRenditions(embed.media)[0];
    const video = embed.media.kind === 'video';
    const natural = { width: file?.width ?? 640, height: video ? (file?.height ?? 360) : 160 };
    const scale = Math.min(1, (maxwidth ?? Infinity) / natural.width, (maxheight ?? Infinity) / natural.height);
    const width = Math.max(1, Math.floor(natural.width * scale));
    const height = Math.max(1, Math.floor(natural.height * scale));
    const src = new URL(embedPath(embed.media.id), publicUrl).href;
    const poster = posterOf(embed.media);
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return {
      ...provider,
      provider_name: embed.service.name,
      type: video ? ('video' as const) : ('rich' as const),
      title,
      html: `<iframe src="${escape(src)}" width="${width}" height="${height}" title="${escape(embed.media.title)}" frameborder="0" allowfullscreen loading="lazy"></iframe>`,
      width,
      height,
      ...(poster
        ? { thumbnail_url: new URL(`${MEDIA_BASE}${poster.path}`, publicUrl).href, ...(poster.width ? { thumbnail_width: poster.width } : {}), ...(poster.height ? { thumbnail_height: poster.height } : {}) }
        : {}),
    };
  });
};

/** An error that means "nothing there" becomes null; any other is thrown on. */
function unlessNotFound(error: unknown): null {
  if (error instanceof DomainError && error.kind === 'not-found') return null;
  throw error;
}
