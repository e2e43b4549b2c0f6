import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DomainError } from '../../../domain/shared/errors.js';
import { STATUS_FOR } from '../../plugins/error-status.js';

/** The comments script asks for JSON; a browser without it posts a form and gets pages. */
export function isJson(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').startsWith('application/json') || (request.headers.accept ?? '').startsWith('application/json');
}

export function sendJsonError(reply: FastifyReply, error: DomainError, message = error.message) {
  return reply
    .code(STATUS_FOR[error.kind])
    .header('cache-control', 'no-store')
    .send({ error: { code: error.code, message, field: error.field ?? null } });
}
