import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { isDomainError } from '../../domain/shared/errors.js';

/** A plain-text answer no cache keeps: feeds, sitemaps and players have no page to show an error in. */
export function sendPlain(reply: FastifyReply, status: number, text: string) {
  return reply.code(status).header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'no-store').send(text);
}

/**
 * The error handler of a surface that answers in plain text: an address that names nothing
 * (not found, or a parameter its schema refuses) is `notFoundText` with 404; anything else is
 * logged as `failure` and answered 500.
 */
export function plainTextErrors(app: FastifyInstance, notFoundText: string, failure: string): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isDomainError(error) && error.kind === 'not-found') return sendPlain(reply, 404, notFoundText);
    if (error.validation && error.validationContext === 'params') return sendPlain(reply, 404, notFoundText);
    request.log.error({ err: error }, failure);
    return sendPlain(reply, 500, 'Something went wrong on our side.');
  });
}
