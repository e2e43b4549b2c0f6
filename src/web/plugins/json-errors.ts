import type { FastifyError, FastifyInstance } from 'fastify';
import { isDomainError } from '../../domain/shared/errors.js';
import { STATUS_FOR } from './error-status.js';
import { isUnavailable, replyUnavailable } from './unavailable.js';

/**
 * Errors as JSON for API clients: a stable code, a public message, the field at fault.
 * Bad input is never a 500; unexpected errors are logged and shown without detail.
 */
export function jsonErrors(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isUnavailable(error)) {
      return replyUnavailable(request, reply, error).send({ error: { code: error.code, message: error.message, field: null } });
    }
    if (isDomainError(error)) {
      return reply
        .code(STATUS_FOR[error.kind])
        .send({ error: { code: error.code, message: error.message, field: error.field ?? null } });
    }
    if (error.validation) {
      return reply.code(400).send({ error: describeValidation(error) });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ error: { code: error.code ?? 'REQUEST_INVALID', message: error.message, field: null } });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: { code: 'INTERNAL', message: 'Something went wrong on our side', field: null } });
  });
}

/**
 * A schema failure as a clear error: an unknown field is named, as is the field at fault.
 * Understands both Ajv's and TypeBox's error shapes (params.additionalProperty or
 * params.additionalProperties, params.missingProperty or params.requiredProperties).
 */
function describeValidation(error: FastifyError): { code: string; message: string; field: string | null } {
  const errors = error.validation ?? [];
  const fieldOf = (instancePath: string, name?: string) => {
    const path = instancePath.replace(/^\//, '').replace(/\//g, '.');
    return name ? (path ? `${path}.${name}` : name) : path;
  };
  const names = (value: unknown) => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);
  for (const item of errors) {
    const params = (item.params ?? {}) as Record<string, unknown>;
    if (item.keyword === 'additionalProperties') {
      const [name] = [...names(params.additionalProperty), ...names(params.additionalProperties)];
      if (name) {
        const field = fieldOf(item.instancePath, name);
        return { code: 'FIELD_UNKNOWN', message: `${field} is not a field this request takes`, field };
      }
    }
  }
  const first = errors.find((item) => item.keyword !== 'boolean') ?? errors[0];
  const params = (first?.params ?? {}) as Record<string, unknown>;
  if (first?.keyword === 'required') {
    const [name] = [...names(params.missingProperty), ...names(params.requiredProperties)];
    const field = fieldOf(first.instancePath, name);
    return { code: 'FIELD_REQUIRED', message: `${field} is required`, field };
  }
  const field = first ? fieldOf(first.instancePath) || null : null;
  const message = `${field ?? 'request'} ${first?.message ?? 'is not valid'}`;
  if (first?.keyword === 'maxLength' || first?.keyword === 'maxItems') return { code: 'FIELD_TOO_LONG', message, field };
  return { code: 'REQUEST_INVALID', message, field };
}
