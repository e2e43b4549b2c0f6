import type { FastifyError, FastifyInstance } from 'fastify';
import type { ReaderComments } from '../../../actions/comments/reader-comments.js';
import { isDomainError } from '../../../domain/shared/errors.js';
import type { Assets } from '../../../views/page-model.js';
import { readerTokens } from '../../plugins/reader-tokens.js';
import { parseFormFields } from '../../plugins/request-text.js';
import { isUnavailable, replyUnavailable } from '../../plugins/unavailable.js';
import { readerErrorPages } from '../../shared/masthead.js';
import { isJson, sendJsonError } from './json.js';
import { commentRoutes } from './routes.js';

export interface CommentsSurfaceDeps {
  /** What readers may do with comments: the surface is given these actions, never the store. */
  readonly comments: ReaderComments;
  /** Signs the reader's form and browser tokens. */
  readonly secret: string;
  readonly assets: Assets;
  /** Cookies get the Secure flag when the site is served over HTTPS. */
  readonly secureCookies: boolean;
}

/**
 * Readers' comments: the comments page with its form (personal, because it carries the
 * reader's form token, so it is not cached; the story page showing the count is), posting
 * with and without JavaScript, permalinks, reports, and editing one's own comment.
 */
export async function commentsSurface(app: FastifyInstance, deps: CommentsSurfaceDeps): Promise<void> {
  const { comments, assets } = deps;
  const tokens = readerTokens(deps.secret, deps.secureCookies);
  const errors = readerErrorPages(comments, assets);

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_request, body, done) => {
    try {
      done(null, parseFormFields(body as Buffer, 'first'));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (isJson(request)) {
      if (isUnavailable(error)) return sendJsonError(replyUnavailable(request, reply, error), error);
      if (isDomainError(error)) return sendJsonError(reply, error);
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return reply.code(error.statusCode).send({ error: { code: 'REQUEST_INVALID', message: error.message, field: null } });
      }
    }
    return errors.forError(request, reply, error);
  });

  commentRoutes(app, { comments, assets, tokens, errors });
}
