import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ActionDeps } from '../../actions/deps.js';
import { getErrorMasthead } from '../../actions/reader/get-error-masthead.js';
import { renderErrorPage, type ErrorPageKind } from '../../views/pages/error.page.js';
import type { Assets } from '../../views/page-model.js';
import { toMasthead } from '../surfaces/reader/masthead.js';
import { sendUncached } from '../surfaces/reader/page-response.js';
import { sendUnavailablePage } from '../surfaces/reader/unavailable-page.js';
import { classifyError } from './errors.js';
import { isUnavailable } from './unavailable.js';

export interface ReaderErrorPages {
  /** The surface's error handler: every error as a page in the reader's language. */
  readonly handler: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;
  /** A page for a status the surface decided itself (an address that names nothing: 404). */
  readonly send: (request: FastifyRequest, reply: FastifyReply, status: number) => Promise<FastifyReply>;
}

/**
 * The one error page of the reader site (reader and comments surfaces): in the language of the
 * service the address names, with its masthead; never a stack trace. Other surfaces answer JSON
 * (`jsonErrors`) or their own layout (the newsroom), mapped by the same `classifyError`.
 */
export function readerErrorPages(actions: Pick<ActionDeps, 'store' | 'clock' | 'mastheadCache'>, assets: Assets): ReaderErrorPages {
  const send = async (request: FastifyRequest, reply: FastifyReply, status: number) => {
    if (status >= 500) return reply.code(status).header('content-type', 'text/plain; charset=utf-8').send('Something went wrong on our side.');
    const kind: ErrorPageKind = status === 404 ? 'not-found' : status === 410 ? 'gone' : 'bad-request';
    const mastheadData = await getErrorMasthead(actions, request.url.split('/')[1]?.split('?')[0]);
    if (!mastheadData) return reply.code(status).header('content-type', 'text/plain; charset=utf-8').send('Not found');
    return sendUncached(reply, status, renderErrorPage(toMasthead(mastheadData, assets), kind));
  };
  return {
    send,
    handler: async (thrown, request, reply) => {
      const { error, status } = classifyError(request, thrown);
      // The database is away: the masthead still in memory, 503 with Retry-After.
      if (isUnavailable(error)) return sendUnavailablePage(request, reply, error, actions, assets);
      return send(request, reply, status);
    },
  };
}
