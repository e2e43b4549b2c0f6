import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ChromeData } from '../../actions/reader/page-result.js';
import { isDomainError, type DomainError } from '../../domain/shared/errors.js';
import { translatorFor } from '../../i18n/i18n.js';
import { renderBareUnavailablePage, renderErrorPage, type ErrorPageKind } from '../../views/pages/error.page.js';
import type { Assets, Chrome } from '../../views/page-model.js';
import { STATUS_FOR } from '../plugins/error-status.js';
import { isUnavailable, replyUnavailable } from '../plugins/unavailable.js';
import { sendUncached } from './page-reply.js';

export const MEDIA_BASE = '/media/';

/** A service's masthead (services, sections, live alert) with what the views need to show it. */
export function toChrome(data: ChromeData, assets: Assets): Chrome {
  // The site's origin (PUBLIC_URL) comes with the assets' addresses: canonical links, previews, JSON-LD.
  return { ...data, assets, i18n: translatorFor(data.service.locale), mediaBase: MEDIA_BASE, siteUrl: assets.siteUrl ?? new URL('http://localhost/') };
}

/** Where error pages get their masthead, by the service an address names (else the first service); null with no services. */
export interface ErrorMastheads {
  /** From the database. */
  readonly errorMasthead: (serviceCodeGuess: string | undefined) => Promise<ChromeData | null>;
  /** Only what this process has in memory: for the 503 page while the database is away. */
  readonly rememberedMasthead: (serviceCodeGuess: string | undefined) => ChromeData | null;
}

/**
 * The error pages of the reader's surfaces (reader, comments): in the language of the service
 * the address names, so a reader lost on a Persian address gets a Persian 404. A bad route
 * parameter (an id that names nothing) is not found; other bad input is a bad request.
 */
export type ReaderErrorPages = ReturnType<typeof readerErrorPages>;

export function readerErrorPages(mastheads: ErrorMastheads, assets: Assets) {
  const serviceGuess = (request: FastifyRequest) => request.url.split('/')[1]?.split('?')[0];
  async function render(request: FastifyRequest, reply: FastifyReply, kind: ErrorPageKind, status: number) {
    const data = await mastheads.errorMasthead(serviceGuess(request));
    if (!data) return reply.code(status).header('content-type', 'text/plain; charset=utf-8').send('Not found');
    return sendUncached(reply, status, renderErrorPage(toChrome(data, assets), kind));
  }
  /**
   * 503 with Retry-After for a reader page that needs the database while it is away: the
   * service's masthead this process still has in memory (or a bare page), a line saying to try
   * again shortly, no detail. Pages in the page cache are still served before this is reached.
   */
  function unavailable(request: FastifyRequest, reply: FastifyReply, error: DomainError) {
    const chrome = mastheads.rememberedMasthead(serviceGuess(request));
    const html = chrome ? renderErrorPage(toChrome(chrome, assets), 'unavailable') : renderBareUnavailablePage(assets);
    return replyUnavailable(request, reply, error).header('content-type', 'text/html; charset=utf-8').send(html);
  }
  return {
    render,
    notFound: (request: FastifyRequest, reply: FastifyReply) => render(request, reply, 'not-found', 404),
    /** For a surface's error handler: a page for every error a request can cause, a logged 500 for the rest. */
    async forError(request: FastifyRequest, reply: FastifyReply, error: FastifyError) {
      if (isUnavailable(error)) return unavailable(request, reply, error);
      if (isDomainError(error)) {
        if (error.kind === 'not-found') return render(request, reply, 'not-found', 404);
        if (error.kind === 'gone') return render(request, reply, 'gone', 410);
        return render(request, reply, 'bad-request', STATUS_FOR[error.kind]);
      }
      if (error.validation && error.validationContext === 'params') return render(request, reply, 'not-found', 404);
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return render(request, reply, 'bad-request', error.statusCode);
      request.log.error({ err: error }, 'reader page failed');
      return reply.code(500).header('content-type', 'text/plain; charset=utf-8').send('Something went wrong on our side.');
    },
  };
}
