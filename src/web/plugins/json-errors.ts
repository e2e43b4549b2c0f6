import type { FastifyError, FastifyInstance } from 'fastify';
import { isDomainError } from '../../domain/shared/errors.js';
import { STATUS_FOR } from './error-status.js';

/**
 * Errors as JSON for API clients: a stable code, a public message, the field at fault.
 * Bad input is never a 500; unexpected errors are logged and shown without detail.
 */
export function jsonErrors(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isDomainError(error)) {
      return reply
        .code(STATUS_FOR[error.kind])
        .send({ error: { code: error.code, message: error.message, field: error.field ?? null } });
    }
    if (error.validation) {
      return reply.code(400).send({ error: { code: 'REQUEST_INVALID', message: error.message, field: null } });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ error: { code: error.code ?? 'REQUEST_INVALID', message: error.message, field: null } });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: { code: 'INTERNAL', message: 'Something went wrong on our side', field: null } });
  });
}
