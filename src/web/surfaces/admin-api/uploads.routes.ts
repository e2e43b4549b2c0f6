import { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import path from 'node:path';
import { NodeRequest } from 'srvx/node';
import type { MediaActions } from '../../../actions/web-actions.js';
import { parseMediaText } from '../../../domain/media/media-text.js';
import { largestSizeLimit, mediaTooLarge } from '../../../domain/media/renditions-plan.js';
import { KEEP_UNFINISHED_UPLOAD_MS } from '../../../domain/media/uploads.js';
import { DomainError, invalid, isDomainError, notFound, type ErrorCode } from '../../../domain/shared/errors.js';
import { jsonError, STATUS_FOR } from '../../plugins/errors.js';
import { authOf } from '../../shared/route-permission.js';

export const UPLOADS_PATH = '/uploads';
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
 * document: tus is its own protocol, not JSON. tus's answers go out through Fastify like any
 * other (security headers, no-store), same-origin only (no CORS headers), and every refusal
 * as our JSON error.
 */
export async function uploadRoutes(app: FastifyInstance, options: { media: MediaActions; uploadsDir: string; apiPrefix: string }): Promise<void> {
  const { media } = options;
  const uploadsDir = path.join(options.uploadsDir, 'tus');
  const datastore = new FileStore({ directory: uploadsDir, expirationPeriodInMilliseconds: KEEP_UNFINISHED_UPLOAD_MS });
  const maxSize = largestSizeLimit(media.limits);
  const tus = new Server({
    path: options.apiPrefix + UPLOADS_PATH,
    datastore,
    maxSize,
    relativeLocation: true,
    disableTerminationForFinishedUploads: true,
    // Same-origin only: the newsroom's own pages and scripts need no CORS.
    allowedOrigins: () => false,
    onUploadCreate: async (request, upload) => {
      const owner = uploaders.get(request);
      if (!owner) throw tusError(new DomainError('SIGN_IN_REQUIRED'));
      const fields = upload.metadata ?? {};
      try {
        parseMediaText(textOf(fields));
        // Counted against the uploader's open uploads until it finishes, is cancelled or expires.
        await media.openUpload({ uploadId: upload.id, userId: Number(owner) });
      } catch (error) {
        throw tusError(error);
      }
      return { metadata: { ...fields, [OWNER]: owner } };
    },
    onUploadFinish: async (_request, upload) => {
      try {
        const item = await media.ingestMedia({ file: path.join(uploadsDir, upload.id), ...textOf(upload.metadata ?? {}) });
        return { status_code: 204, headers: { 'Dateline-Media-Id': item.id } };
      } catch (error) {
        if (!isDomainError(error)) app.log.error({ err: error }, 'a finished upload could not be taken in');
        throw tusError(error);
      } finally {
        await datastore.remove(upload.id).catch(() => undefined);
        await media.closeUpload(upload.id).catch((error: unknown) => app.log.error({ err: error }, 'a finished upload stays counted as open'));
      }
    },
  });

  const cleanUp = async () => {
    await tus.cleanUpExpiredUploads().catch(() => undefined);
    await media.forgetExpiredUploads().catch((error: unknown) => app.log.error({ err: error }, 'expired uploads could not be forgotten'));
  };
  const expire = setInterval(() => void cleanUp(), 60 * 60_000);
  expire.unref();
  app.addHook('onClose', async () => clearInterval(expire));
  await cleanUp();

  // tus reads the request body itself, as a stream.
  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));

  // tus learns who uploads from the request it is handed, never from anything the client sends.
  const uploaders = new WeakMap<Request, string>();
  const handOver = async (request: FastifyRequest, reply: FastifyReply) => {
    const web = new NodeRequest({ req: request.raw, res: reply.raw });
    uploaders.set(web, String(authOf(request).userId));
    const answer = await tus.handleWeb(web);
    // A cancelled upload no longer counts against its uploader's open uploads.
    if (request.method === 'DELETE' && answer.status === 204) await media.closeUpload((request.params as { id: string }).id);
    for (const [name, value] of answer.headers) {
      if (!/^(access-control-|content-type$|content-length$)/i.test(name)) reply.header(name, value);
    }
    reply.code(answer.status);
    const body = await answer.text();
    if (answer.status < 400) return reply.send(answer.status === 204 || body === '' ? undefined : body);
    return reply.type('application/json; charset=utf-8').send(asJsonError(answer.status, body));
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

/**
 * A refusal as JSON: ours (from the hooks) as it is, tus's own plain-text ones ("Upload-Offset
 * conflict", "Tus-Resumable Required"...) in the same shape.
 */
function asJsonError(status: number, body: string): string {
  try {
    if ((JSON.parse(body) as { error?: unknown }).error) return body;
  } catch {
    // tus's own words, below
  }
  const code: ErrorCode = status === 404 ? 'UPLOAD_NOT_FOUND' : status === 409 ? 'UPLOAD_OFFSET_CONFLICT' : 'UPLOAD_REFUSED';
  return JSON.stringify(jsonError(new DomainError(code, body.trim() || undefined)));
}

/** A refusal as tus sends it: the status and our usual JSON error body. */
function tusError(error: unknown): { status_code: number; body: string } {
  const known: DomainError = isDomainError(error) ? error : new DomainError('INTERNAL');
  return { status_code: STATUS_FOR[known.kind], body: JSON.stringify(jsonError(known)) };
}
