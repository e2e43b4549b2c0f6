import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError, type DomainError } from '../../domain/shared/errors.js';

/** How long a client is asked to wait before trying again while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

/** The database (or another part the request needs) cannot be reached at the moment. */
export function isUnavailable(error: unknown): error is DomainError {
  return isDomainError(error) && error.kind === 'unavailable';
}

/**
 * Sets 503 with Retry-After and no-store, and logs one warning (code and reason, no stack):
 * a database restart is an expected event, not an error per request. The caller sends the body.
 */
export function replyUnavailable(request: FastifyRequest, reply: FastifyReply, error: DomainError): FastifyReply {
  request.log.warn({ code: error.code, reason: error.context?.reason, url: request.url }, 'answered 503: a part the request needs is unavailable');
  return reply.code(503).header('retry-after', String(RETRY_AFTER_SECONDS)).header('cache-control', 'no-store');
}
