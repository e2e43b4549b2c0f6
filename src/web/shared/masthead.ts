import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { MastheadData } from '../../actions/reader/page-result.js';
import type { DomainError } from '../../domain/shared/errors.js';
import { translatorFor } from '../../i18n/i18n.js';
import { renderBareUnavailablePage, renderErrorPage, type ErrorPageKind } from '../../views/pages/error.page.js';
import type { Assets, MastheadModel } from '../../views/page-model.js';
import { classifyError } from '../plugins/errors.js';
import { isUnavailable, replyUnavailable } from '../plugins/unavailable.js';
import { sendUncached } from './page-reply.js';

export const MEDIA_BASE = '/media/';

/** A service's masthead (services, sections, live alert) with what the views need to show it. */
export function toMasthead(data: MastheadData, assets: Assets): MastheadModel {
  // The site's origin (PUBLIC_URL) comes with the assets' addresses: canonical links, previews, JSON-LD.
  return { ...data, assets, i18n: translatorFor(data.service.locale), mediaBase: MEDIA_BASE, siteUrl: assets.siteUrl ?? new URL('http://localhost/') };
}

/** Where error pages get their masthead, by the service an address names (else the first service); null with no services. */
export interface ErrorMastheads {
  /** From the database. */
  readonly errorMasthead: (serviceCodeGuess: string | undefined) => Promise<MastheadData | null>;
  /** Only what this process has in memory: for the 503 page while the database is away. */
  readonly rememberedMasthead: (serviceCodeGuess: string | undefined) => MastheadData | null;
}

/**
 * The one error page of the reader site (reader and comments surfaces): in the language of the
 * service the address names, so a reader lost on a Persian address gets a Persian 404, with its
 * masthead; never a stack trace. A bad route parameter (an id that names nothing) is not found;
 * other errors are mapped by the same `classifyError` as the JSON APIs and the newsroom.
 */
export type ReaderErrorPages = ReturnType<typeof readerErrorPages>;

export function readerErrorPages(mastheads: ErrorMastheads, assets: Assets) {
  const serviceGuess = (request: FastifyRequest) => request.url.split('/')[1]?.split('?')[0];
  async function render(request: FastifyRequest, reply: FastifyReply, kind: ErrorPageKind, status: number) {
    const data = await mastheads.errorMasthead(serviceGuess(request));
    if (!data) return reply.code(status).header('content-type', 'text/plain; charset=utf-8').send('Not found');
    return sendUncached(reply, status, renderErrorPage(toMasthead(data, assets), kind));
  }
  /**
   * 503 with Retry-After for a reader page that needs the database while it is away: the
   * service's masthead this process still has in memory (or a bare page), a line saying to try
   * again shortly, no detail. Pages in the page cache are still served before this is reached.
   */
  function unavailable(request: FastifyRequest, reply: FastifyReply, error: DomainError) {
    const masthead = mastheads.rememberedMasthead(serviceGuess(request));
    const html = masthead ? renderErrorPage(toMasthead(masthead, assets), 'unavailable') : renderBareUnavailablePage(assets);
    return replyUnavailable(request, reply, error).header('content-type', 'text/html; charset=utf-8').send(html);
  }
  return {
    render,
    notFound: (request: FastifyRequest, reply: FastifyReply) => render(request, reply, 'not-found', 404),
    /** For a surface's error handler: a page for every error a request can cause, a logged 500 for the rest. */
    async forError(request: FastifyRequest, reply: FastifyReply, thrown: FastifyError) {
      const { error, status } = classifyError(request, thrown);
      // The database is away: the masthead still in memory, 503 with Retry-After.
      if (isUnavailable(error)) return unavailable(request, reply, error);
      if (thrown.validation && thrown.validationContext === 'params') return render(request, reply, 'not-found', 404);
      if (status >= 500) return reply.code(status).header('content-type', 'text/plain; charset=utf-8').send('Something went wrong on our side.');
      return render(request, reply, status === 404 ? 'not-found' : status === 410 ? 'gone' : 'bad-request', status);
    },
  };
}
