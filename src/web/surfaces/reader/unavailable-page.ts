import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ActionDeps } from '../../../actions/deps.js';
import { getRememberedChrome } from '../../../actions/reader/get-error-chrome.js';
import type { DomainError } from '../../../domain/shared/errors.js';
import { renderBareUnavailablePage, renderErrorPage } from '../../../views/pages/error.page.js';
import type { Assets } from '../../../views/page-model.js';
import { replyUnavailable } from '../../plugins/unavailable.js';
import { toChrome } from './chrome.js';

/**
 * 503 with Retry-After for a reader page that needs the database while it is away: the
 * service's masthead this process still has in memory (or a bare page), a line saying to try
 * again shortly, no detail. Pages in the page cache are still served before this is reached.
 */
export function sendUnavailablePage(
  request: FastifyRequest,
  reply: FastifyReply,
  error: DomainError,
  actions: Pick<ActionDeps, 'chromeCache'>,
  assets: Assets,
): FastifyReply {
  const chrome = getRememberedChrome(actions, request.url.split('/')[1]?.split('?')[0]);
  const html = chrome ? renderErrorPage(toChrome(chrome, assets, new URL(`${request.protocol}://${request.host}`)), 'unavailable') : renderBareUnavailablePage(assets);
  return replyUnavailable(request, reply, error).header('content-type', 'text/html; charset=utf-8').send(html);
}
