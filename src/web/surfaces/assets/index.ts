import type { FastifyInstance } from 'fastify';
import type { AssetBundle } from '../../assets.js';

/** Hashed static files: their address changes with their content, so they are cached for a year. */
export async function assetsSurface(app: FastifyInstance, options: { assets: AssetBundle }): Promise<void> {
  for (const [url, file] of options.assets.files) {
    app.get(url, (_request, reply) => {
      return reply
        .header('content-type', file.contentType)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(file.body);
    });
  }
}
