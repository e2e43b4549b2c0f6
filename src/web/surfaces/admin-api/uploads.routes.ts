import { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { ingestMedia } from '../../../actions/media/ingest-media.js';
import type { MediaDeps } from '../../../actions/media/media-deps.js';
import { parseMediaText } from '../../../domain/media/media-text.js';
import { largestSizeLimit, mediaTooLarge } from '../../../domain/media/renditions-plan.js';
import { DomainError, invalid, isDomainError, notFound } from '../../../domain/shared/errors.js';
import { STATUS_FOR } from '../../plugins/error-status.js';
import { authOf } from '../../shared/route-permission.js';

export const UPLOADS_PATH = '/uploads';
/** Unfinished uploads are kept this long for a client to resume, then removed. */
const KEEP_UNFINISHED_MS = 24 * 60 * 60_000;
const UPLOAD_ID = /^[a-f0-9]{32}$/;
/** Who started an upload: only they may resume, inspect or cancel it. */
const OWNER = 'dateline-user';

/**
 * Resumable uploads (the tus protocol, https://tus.io) of video, audio and images. A client
 * creates an upload declaring its length (refused at once when over the largest limit), sends
 * it in PATCH requests and after a dropped connection asks (HEAD) where to go on. A finished
 * upload is probed for what it really is and handed to the media pipeline, then removed; one
 * the pipeline refuses answers with the reason and is removed as well. Metadata: title
 * (or filename), caption, credit, alt.
 *
 * Routes declare `media.upload`, so the surface's guard refuses signed-out callers, wrong
 * CSRF tokens and other roles before tus sees the request. They are left out of the OpenAPI
 * document: tus is its own protocol, not JSON.
 */
export async function uploadRoutes(app: FastifyInstance, options: { media: MediaDeps; uploadsDir: string; apiPrefix: string }): Promise<void> {
  const { media } = options;
  const uploadsDir = path.join(options.uploadsDir, 'tus');
  const datastore = new FileStore({ directory: uploadsDir, expirationPeriodInMilliseconds: KEEP_UNFINISHED_MS });
  const maxSize = largestSizeLimit(media.media.limits);
  const tus = new Server({
    path: options.apiPrefix + UPLOADS_PATH,
    datastore,
    maxSize,
    relativeLocation: true,
    disableTerminationForFinishedUploads: true,
    onUploadCreate: async (request, upload) => {
      const owner = uploaders.get(nodeRequestOf(request) as IncomingMessage);
      if (!owner) throw tusError(new DomainError('SIGN_IN_REQUIRED', 'unauthenticated', 'sign in first'));
      const fields = upload.metadata ?? {};
      try {
        parseMediaText(textOf(fields));
      } catch (error) {
        throw tusError(error);
      }
      return { metadata: { ...fields, [OWNER]: owner } };
    },
    onUploadFinish: async (_request, upload) => {
      try {
        const item = await ingestMedia(media, { file: path.join(uploadsDir, upload.id), ...textOf(upload.metadata ?? {}) });
        return { status_code: 204, headers: { 'Dateline-Media-Id': item.id } };
      } catch (error) {
        if (!isDomainError(error)) app.log.error({ err: error }, 'a finished upload could not be taken in');
        throw tusError(error);
      } finally {
        await datastore.remove(upload.id).catch(() => undefined);
      }
    },
  });

  const expire = setInterval(() => void tus.cleanUpExpiredUploads().catch(() => undefined), 60 * 60_000);
  expire.unref();
  app.addHook('onClose', async () => clearInterval(expire));
  await tus.cleanUpExpiredUploads().catch(() => undefined);

  // tus reads the request body itself, as a stream.
  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));

  // tus learns who uploads from the request it is handed, never from anything the client sends.
  const uploaders = new WeakMap<IncomingMessage, string>();
  const handOver = async (request: FastifyRequest, reply: FastifyReply) => {
    uploaders.set(request.raw, String(authOf(request).userId));
    reply.hijack();
    await tus.handle(request.raw, reply.raw);
  };

  app.post(UPLOADS_PATH, { config: { permission: 'media.upload' }, schema: { hide: true } }, async (request, reply) => {
    const declared = request.headers['upload-length'];
    if (request.headers['upload-defer-length'] !== undefined || declared === undefined) {
      throw invalid('UPLOAD_LENGTH_REQUIRED', 'declare the file size (Upload-Length) when the upload starts', 'file');
    }
    if (Number(declared) > maxSize) throw mediaTooLarge(maxSize);
    return handOver(request, reply);
  });

  app.route({
    method: ['HEAD', 'PATCH', 'DELETE'],
    url: `${UPLOADS_PATH}/:id`,
    config: { permission: 'media.upload' },
    schema: { hide: true },
    handler: async (request, reply) => {
      const { id } = request.params as { id: string };
      if (!UPLOAD_ID.test(id) || (await ownerOf(datastore, id)) !== String(authOf(request).userId)) {
        throw notFound('UPLOAD_NOT_FOUND', 'there is no such upload of yours: it finished, expired or was never started');
      }
      return handOver(request, reply);
    },
  });
}

/** The Node.js request behind the web Request tus hands its hooks. */
function nodeRequestOf(request: Request): unknown {
  return (request as Request & { runtime?: { node?: { req?: unknown } } }).runtime?.node?.req;
}

async function ownerOf(datastore: FileStore, id: string): Promise<string | undefined> {
  try {
    return (await datastore.getUpload(id)).metadata?.[OWNER] ?? undefined;
  } catch {
    return undefined;
  }
}

function textOf(metadata: NonNullable<Upload['metadata']>) {
  return {
    title: metadata.title || metadata.filename || undefined,
    caption: metadata.caption ?? undefined,
    credit: metadata.credit ?? undefined,
    altText: metadata.alt ?? undefined,
  };
}

/** A refusal as tus sends it: the status and our usual JSON error body. */
function tusError(error: unknown): { status_code: number; body: string } {
  const known: DomainError = isDomainError(error)
    ? error
    : new DomainError('INTERNAL', 'unavailable', 'Something went wrong on our side');
  const status = known.code === 'INTERNAL' ? 500 : STATUS_FOR[known.kind];
  return { status_code: status, body: JSON.stringify({ error: { code: known.code, message: known.message, field: known.field ?? null } }) };
}
