import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { MediaActions } from '../../../actions/web-actions.js';
import type { StoredMediaItem } from '../../../domain/media/media.js';
import { CAPTIONS_MAX_BYTES } from '../../../domain/media/webvtt.js';
import { invalid } from '../../../domain/shared/errors.js';
import { can } from '../../../domain/user/permissions.js';
import type { NewsroomMasthead } from '../../../views/layouts/newsroom.layout.js';
import { MediaItemPage } from '../../../views/pages/newsroom/media-item.page.js';
import { MediaLibraryPage } from '../../../views/pages/newsroom/media-library.page.js';
import type { renderDocument } from '../../../views/render.js';
import { authOf } from '../../shared/route-permission.js';
import { MEDIA_BASE } from '../../shared/masthead.js';
import type { FormBody } from './form-body.js';
import { MediaListQuery } from './schemas.js';
import { doneAt } from './page-helpers.js';
import { refusalText } from './error-text.js';

interface Options {
  readonly media: MediaActions;
  readonly uploadScript: string | null;
  readonly mastheadFor: (request: FastifyRequest) => Promise<NewsroomMasthead>;
  readonly html: (reply: FastifyReply, page: Parameters<typeof renderDocument>[0], status?: number) => FastifyReply;
}

const PER_PAGE = 50;
const MB = 1024 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    /** Files a multipart form brought, removed when the answer has gone. */
    uploadedFiles?: string[];
    /**
     * The files this request's own multipart handler wrote, by form field. The only way a
     * route reaches a file: a text field, whatever its name, never names a path.
     */
    formFiles?: Map<string, string>;
    /** Form uploads of this request counted against the sender's open uploads while they run. */
    openFormUploads?: string[];
    /** Why the form's file was not taken (too many open uploads), for the route to answer. */
    formFileRefusal?: unknown;
  }
}

/**
 * The media library at /newsroom/media: list, search and filter; upload (resumable through
 * the upload script, or as one plain form post without it); each item's state, preview,
 * details and captions. Plain forms: everything but the progress bar works without script.
 */
export function mediaPages(app: FastifyInstance, { media, uploadScript, mastheadFor, html }: Options): void {
  const limitsMb = {
    video: Math.floor(media.limits.video / MB),
    audio: Math.floor(media.limits.audio / MB),
    image: Math.floor(media.limits.image / MB),
  };

  app.get('/newsroom/media', { config: { permission: 'media.read' }, schema: { querystring: MediaListQuery } }, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const filter = { q: query.q ?? '', kind: ['video', 'audio', 'image'].includes(query.kind ?? '') ? (query.kind ?? '') : '' };
    const page = Math.max(1, Math.min(10_000, Number(query.page) || 1));
    const actor = authOf(request).actor;
    const list = await media.listMedia(actor, { ...filter, limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
    return html(
      reply,
      <MediaLibraryPage
        masthead={await mastheadFor(request)}
        filter={filter}
        items={list.items}
        total={list.total}
        mediaBase={MEDIA_BASE}
        limitsMb={limitsMb}
        uploadScript={uploadScript}
        mayUpload={can(actor, 'media.upload')}
      />,
    );
  });

  /** Without script: the whole file in one request, then the same pipeline as a resumable upload. */
  app.post('/newsroom/media', { config: { permission: 'media.upload' } }, async (request, reply) => {
    const file = formFileOf(request);
    const form = (request.body ?? {}) as FormBody;
    if (!file) throw invalid('MEDIA_FILE_MISSING', 'choose a file to upload', 'file');
    const item = await media.ingestMedia({ file, title: form.title, caption: form.caption, credit: form.credit, altText: form.alt });
    return reply.redirect(doneAt(`/newsroom/media/${item.id}`, 'uploaded'), 303);
  });

  const itemPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    item: StoredMediaItem,
    options: { values?: FormBody; error?: string; captionsError?: string; status?: number } = {},
  ) => {
    const values = options.values
      ? {
          title: options.values.title ?? '',
          caption: options.values.caption ?? '',
          credit: options.values.credit ?? '',
          alt: options.values.alt ?? '',
          focalX: options.values.focalX ?? '',
          focalY: options.values.focalY ?? '',
        }
      : {
          title: item.title,
          caption: item.caption ?? '',
          credit: item.credit ?? '',
          alt: item.altText ?? '',
          focalX: item.focalPoint ? String(item.focalPoint.x) : '',
          focalY: item.focalPoint ? String(item.focalPoint.y) : '',
        };
    return html(
      reply,
      <MediaItemPage
        masthead={await mastheadFor(request)}
        item={item}
        mediaBase={MEDIA_BASE}
        values={values}
        error={options.error ?? null}
        captionsError={options.captionsError ?? null}
        mayEdit={can(authOf(request).actor, 'media.edit')}
      />,
      options.status ?? 200,
    );
  };

  app.get('/newsroom/media/:id', { config: { permission: 'media.read' } }, async (request, reply) =>
    itemPage(request, reply, await media.getMedia(authOf(request).actor, idOf(request))),
  );

  app.post('/newsroom/media/:id', { config: { permission: 'media.edit' } }, async (request, reply) => {
    const actor = authOf(request).actor;
    const form = (request.body ?? {}) as FormBody;
    const item = await media.getMedia(actor, idOf(request));
    try {
      await media.editMedia(actor, item.id, {
        title: form.title ?? '',
        caption: form.caption ?? null,
        credit: form.credit ?? null,
        altText: form.alt ?? null,
        // Only image forms have the focal point's fields; a form without them keeps it.
        ...(form.focalX !== undefined || form.focalY !== undefined ? { focalPoint: { x: form.focalX, y: form.focalY } } : {}),
      });
      return reply.redirect(doneAt(`/newsroom/media/${item.id}`, 'saved'), 303);
    } catch (error) {
      return itemPage(request, reply, item, { values: form, error: refusalText(request, error), status: 400 });
    }
  });

  app.post('/newsroom/media/:id/captions', { config: { permission: 'media.edit' } }, async (request, reply) => {
    const actor = authOf(request).actor;
    const form = (request.body ?? {}) as FormBody;
    const file = formFileOf(request);
    const item = await media.getMedia(actor, idOf(request));
    try {
      const bytes = await readSmallFile(file, CAPTIONS_MAX_BYTES);
      await media.addCaptions(actor, item.id, { language: form.language, label: form.label, bytes });
      return reply.redirect(doneAt(`/newsroom/media/${item.id}`, 'saved'), 303);
    } catch (error) {
      return itemPage(request, reply, item, { captionsError: refusalText(request, error), status: 400 });
    }
  });
}

/**
 * Multipart forms (a file with its fields): each file goes to disk as it arrives, never into
 * memory, and is removed before the answer goes. Registered before the permission guard,
 * whose CSRF check reads the form's _csrf field.
 */
export async function acceptMultipartForms(
  app: FastifyInstance,
  options: { uploadsDir: string; maxFileBytes: number; media: MediaActions },
): Promise<void> {
  const { uploadsDir, media } = options;
  await fs.promises.mkdir(uploadsDir, { recursive: true });
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: options.maxFileBytes, files: 1, fields: 10, fieldSize: 64 * 1024 },
    onFile: async function (this: FastifyRequest, part: MultipartFile & { value?: unknown }) {
      // Nothing reaches the disk for someone who may not send files (the guard refuses them after parsing).
      const auth = this.auth;
      if (!auth || !(can(auth.actor, 'media.upload') || can(auth.actor, 'media.edit'))) {
        part.file.resume();
        return;
      }
      // While it streams in, a form upload counts against its sender's open uploads, as a resumable one does.
      const id = `form-${randomBytes(16).toString('hex')}`;
      try {
        await media.openUpload({ uploadId: id, userId: auth.userId });
      } catch (error) {
        part.file.resume();
        this.formFileRefusal = error;
        return;
      }
      (this.openFormUploads ??= []).push(id);
      const file = path.join(uploadsDir, id);
      (this.uploadedFiles ??= []).push(file);
      await pipeline(part.file, fs.createWriteStream(file));
      // Kept apart from the text fields: the body never carries a path.
      (this.formFiles ??= new Map()).set(part.fieldname, file);
    },
  });
  const removeFiles = async (request: FastifyRequest) => {
    await Promise.all((request.uploadedFiles ?? []).map((file) => fs.promises.rm(file, { force: true })));
    const open = request.openFormUploads ?? [];
    request.openFormUploads = [];
    await Promise.all(open.map((id) => media.closeUpload(id)));
  };
  // Before the answer leaves (the handler is done with the files), and again after it, for answers cut short.
  app.addHook('onSend', async (request, _reply, payload) => {
    await removeFiles(request);
    return payload;
  });
  app.addHook('onResponse', removeFiles);
}

/**
 * The file sent in the form's `file` field, as written by this request's multipart handler.
 * Routes that take a file answer any other kind of body (an url-encoded form) with a clear
 * refusal, and a text field named `file` is ignored: the answer is the same whatever it says.
 */
function formFileOf(request: FastifyRequest): string | undefined {
  if (!request.isMultipart()) {
    throw invalid('MULTIPART_REQUIRED', 'send the file in a multipart/form-data form (enctype="multipart/form-data")', 'file');
  }
  if (request.formFileRefusal) throw request.formFileRefusal;
  return request.formFiles?.get('file');
}

/** A form's file, read whole only when it is small: one byte over the limit is enough to refuse it. */
async function readSmallFile(file: string | undefined, limit: number): Promise<Uint8Array> {
  if (!file) throw invalid('CAPTIONS_INVALID', 'choose a WebVTT file', 'file');
  const { size } = await fs.promises.stat(file);
  if (size > limit) return new Uint8Array(limit + 1);
  return fs.promises.readFile(file);
}

function idOf(request: FastifyRequest): number {
  const id = Number((request.params as { id?: string }).id);
  return Number.isSafeInteger(id) && id > 0 ? id : 0;
}
