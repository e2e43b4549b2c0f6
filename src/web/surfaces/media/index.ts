import fs from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Media renditions from the media folder, with range requests (seeking, resumed downloads).
 * Rendition files never change once written (a new rendition gets a new name), so they are
 * cached for a year.
 */
export async function mediaSurface(app: FastifyInstance, options: { mediaDir: string }): Promise<void> {
  fs.mkdirSync(options.mediaDir, { recursive: true });
  await app.register(fastifyStatic, {
    root: options.mediaDir,
    prefix: '/media/',
    acceptRanges: true,
    immutable: true,
    maxAge: '365d',
    cacheControl: true,
    index: false,
    dotfiles: 'deny',
    list: false,
    wildcard: true,
    decorateReply: false,
  });
}
