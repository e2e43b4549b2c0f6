import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AssetBundle, StaticAsset } from '../../assets.js';

const YEAR = 'public, max-age=31536000, immutable';
const WEEK = 'public, max-age=604800';

/** Hashed static files: their address changes with their content, so they are cached for a year. */
export async function assetsSurface(app: FastifyInstance, options: { assets: AssetBundle }): Promise<void> {
  for (const [url, file] of options.assets.files) {
    app.get(url, (request, reply) => sendAsset(request, reply, file, YEAR));
  }
  app.get('/favicon.ico', (request, reply) => sendAsset(request, reply, options.assets.favicon, WEEK));
}

/** The precompressed body the browser accepts (Brotli, then gzip), else the plain one. */
function sendAsset(request: FastifyRequest, reply: FastifyReply, file: StaticAsset, cacheControl: string) {
  reply.header('content-type', file.contentType).header('cache-control', cacheControl);
  if (file.br || file.gzip) reply.header('vary', 'accept-encoding');
  const accepted = request.headers['accept-encoding'] ?? '';
  if (file.br && /\bbr\b/.test(accepted)) return reply.header('content-encoding', 'br').send(file.br);
  if (file.gzip && /\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(file.gzip);
  return reply.send(file.body);
}
